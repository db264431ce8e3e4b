package io.jcable.broadcast;

import io.jcable.binding.PayloadCodec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

/**
 * Hands fired {@link Broadcast}s to the stream registry: after a successful commit when a JTA
 * transaction is active, at once otherwise (the CDI rule for transactional observers).
 */
@ApplicationScoped
public class BroadcastRelay {

    @Inject
    StreamRegistry streams;

    @Inject
    PayloadCodec codec;

    void relay(@Observes(during = TransactionPhase.AFTER_SUCCESS) Broadcast broadcast) {
        streams.publish(broadcast.stream(), codec.encode(broadcast.payload()));
    }
}
