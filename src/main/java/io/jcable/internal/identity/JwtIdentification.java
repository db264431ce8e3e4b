package io.jcable.internal.identity;

import io.jcable.channel.CableRequest;
import io.jcable.channel.Identity;
import io.jcable.config.CableConfig;
import io.jcable.config.JwtConfig;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The built-in identification of {@link JwtConfig}: a request that carries a token is identified by
 * it alone; one without goes to the application's connection handler.
 */
@ApplicationScoped
public class JwtIdentification {

    /** AnyCable's subprotocol that carries a token: {@code anycable-token.<jwt>}. */
    static final String TOKEN_SUBPROTOCOL = "anycable-token.";

    @Inject
    CableConfig config;

    private JwtConfig jwt;
    private AnyCableToken token;

    @PostConstruct
    void configure() {
        jwt = config.jwt().orElse(null);
        token = jwt == null ? null : new AnyCableToken(jwt.secret());
    }

    /**
     * The identity of the request's token; empty when JWT identification is off or the request has no token.
     *
     * @throws io.jcable.channel.TokenExpired       when the token has expired
     * @throws io.jcable.channel.ConnectionRejected when the token is not genuine
     */
    public Optional<Identity> identify(CableRequest request) {
        if (token == null) {
            return Optional.empty();
        }
        // Where AnyCable looks, in its order: the header wins, then the subprotocol (browsers cannot set headers), then the query.
        return request.header(jwt.header()).or(() -> fromSubprotocol(request)).or(() -> request.queryParameter(jwt.param()))
                .map(given -> token.verify(given, Instant.now()));
    }

    /** A token offered as the subprotocol {@code anycable-token.<jwt>}, next to the ActionCable one. */
    private static Optional<String> fromSubprotocol(CableRequest request) {
        for (String header : request.headers().getOrDefault("Sec-WebSocket-Protocol", List.of())) {
            for (String offered : header.split(",")) {
                String trimmed = offered.trim();
                if (trimmed.startsWith(TOKEN_SUBPROTOCOL)) {
                    return Optional.of(trimmed.substring(TOKEN_SUBPROTOCOL.length()));
                }
            }
        }
        return Optional.empty();
    }
}
