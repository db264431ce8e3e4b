package io.jcable.internal.broadcast;

import io.jcable.internal.protocol.WireFrame;
import java.util.List;

/** What a stream delivers to: one subscription of one connection. */
public interface StreamSubscriber {

    /** The subscription's identifier, as the client sent it: frames are built once per identifier. */
    String identifier();

    /**
     * Whether its frames carry the broadcast's position ({@code stream_id}, {@code epoch}, {@code offset}),
     * as AnyCable's extended protocol wants; the frames of plain ActionCable clients stay as Rails sends them.
     */
    default boolean positioned() {
        return false;
    }

    /** The socket id of its connection, when it has one ("broadcast to others" skips it); null otherwise. */
    default String socketId() {
        return null;
    }

    /** Queues a complete frame (shared with the other subscribers of its identifier) for this subscriber's socket. Must not block and must not throw. */
    void deliver(List<WireFrame> frames);

    /**
     * The same for a subscriber that wants positions: {@code epochs} and {@code offsets} are the frames'
     * positions on {@code stream}, so that it can hold them back while a history is replayed, and send each once.
     */
    default void deliver(List<WireFrame> frames, String stream, String[] epochs, long[] offsets) {
        deliver(frames);
    }
}
