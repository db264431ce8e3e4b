package io.jcable.internal.turbo;

import io.jcable.channel.Channel;
import io.jcable.channel.Param;
import io.jcable.channel.Subscribed;
import io.jcable.channel.Subscription;
import jakarta.inject.Inject;

/**
 * AnyCable's {@code $pubsub}, what {@code @anycable/web}'s {@code streamFromSigned} and
 * {@code streamFrom} subscribe to: a signed name as {@code Turbo::StreamsChannel} takes it; a plain
 * {@code stream_name} only with {@code jcable.public-streams=true}.
 */
@Channel("$pubsub")
public class PubSubChannel {

    @Inject
    TurboSigner signer;

    @Subscribed
    void subscribed(Subscription subscription, @Param("signed_stream_name") String signed,
                    @Param("stream_name") String plain) {
        if (signed != null) {
            signer.verify(signed).ifPresentOrElse(subscription::streamFrom, subscription::reject);
        } else if (plain != null && !plain.isEmpty() && signer.publicStreams()) {
            subscription.streamFrom(plain);
        } else {
            subscription.reject();
        }
    }
}
