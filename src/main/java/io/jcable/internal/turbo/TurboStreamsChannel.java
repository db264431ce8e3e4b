package io.jcable.internal.turbo;

import io.jcable.channel.Channel;
import io.jcable.channel.Param;
import io.jcable.channel.Subscribed;
import io.jcable.channel.Subscription;
import jakarta.inject.Inject;

/**
 * turbo-rails' {@code Turbo::StreamsChannel}, which {@code <turbo-cable-stream-source>} subscribes
 * to: streams from the signed name, or rejects. An application channel of the same name takes its place.
 */
@Channel("Turbo::StreamsChannel")
public class TurboStreamsChannel {

    @Inject
    TurboSigner signer;

    @Subscribed
    void subscribed(Subscription subscription, @Param("signed_stream_name") String signed) {
        signer.verify(signed).ifPresentOrElse(subscription::streamFrom, subscription::reject);
    }
}
