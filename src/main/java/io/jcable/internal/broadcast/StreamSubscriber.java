package io.jcable.internal.broadcast;

import io.jcable.internal.protocol.WireFrame;
import java.util.List;

/** What a stream delivers to: one subscription of one connection. */
public interface StreamSubscriber {

    /** The subscription's identifier, as the client sent it: frames are built once per identifier. */
    String identifier();

    /** Queues a complete frame (shared with the other subscribers of its identifier) for this subscriber's socket. Must not block and must not throw. */
    void deliver(List<WireFrame> frames);
}
