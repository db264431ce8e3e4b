package io.jcable.internal.broadcast;

import java.time.Duration;

/**
 * Puts the broadcasts of several nodes in one order before any node delivers them: the cluster's
 * sequencer, when a cluster is on. Without one, each broadcast is positioned and delivered where it is
 * made.
 */
public interface BroadcastOrdering {

    /**
     * Takes a broadcast accepted on this node, to be delivered here and everywhere once it has its
     * position ({@link StreamRegistry#deliverPositioned}); false: it cannot now, deliver it here at once.
     */
    boolean take(String stream, String payloadJson, String excludeSocket);

    /** Waits up to {@code timeout} until every broadcast taken has been delivered here (the server is stopping). */
    default void settle(Duration timeout) throws InterruptedException {
    }
}
