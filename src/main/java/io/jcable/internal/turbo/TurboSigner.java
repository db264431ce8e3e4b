package io.jcable.internal.turbo;

import io.jcable.config.CableConfig;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/** The application's signer of stream names ({@code jcable.turbo.*}), shared by the built-in channels and the API. */
@ApplicationScoped
public class TurboSigner {

    @Inject
    CableConfig config;

    private Optional<SignedStreamNames> names;

    @PostConstruct
    void configure() {
        names = SignedStreamNames.of(config.turbo());
    }

    /** The stream name of a signed one; empty when the signature does not hold or signing is off. */
    public Optional<String> verify(String signed) {
        return names.flatMap(verifier -> verifier.verify(signed));
    }

    /** Whether {@code $pubsub} may stream from a plain name. */
    public boolean publicStreams() {
        return config.turbo().publicStreams();
    }

    /**
     * @throws IllegalStateException when no key is configured
     */
    public String sign(String streamName) {
        return names.orElseThrow(() -> new IllegalStateException("cannot sign a stream name: set jcable.turbo.key"
                + " (or jcable.turbo.secret-key-base)")).sign(streamName);
    }
}
