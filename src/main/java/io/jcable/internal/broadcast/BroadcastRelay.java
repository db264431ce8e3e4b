package io.jcable.internal.broadcast;

import io.jcable.broadcast.Broadcast;
import io.jcable.internal.binding.PayloadCodec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

/**
 * Hands fired {@link Broadcast}s to the stream registry: after a successful commit when a JTA
 * transaction is active, at once otherwise (the CDI rule for transactional observers). The payload
 * is encoded here, once; what was accepted goes on as an {@link EncodedBroadcast}.
 */
@ApplicationScoped
public class BroadcastRelay {

    @Inject
    StreamRegistry streams;

    @Inject
    PayloadCodec codec;

    @Inject
    Event<EncodedBroadcast> accepted;

    void relay(@Observes(during = TransactionPhase.AFTER_SUCCESS) Broadcast broadcast) {
        String json = codec.encode(broadcast.payload());
        streams.publish(broadcast.stream(), json, broadcast.excludeSocket());
        accepted.fire(new EncodedBroadcast(broadcast.stream(), json, broadcast.excludeSocket()));
    }
}
