package io.jcable.internal.server;

import jakarta.websocket.SendHandler;
import jakarta.websocket.Session;
import java.nio.ByteBuffer;

/**
 * A connection's socket taking frames already encoded, several in one write: what a runtime may
 * offer beyond Jakarta WebSocket, whose sends take one message each (one system call each when the
 * socket is free). Only the standalone runtime offers it; elsewhere frames go through
 * {@code RemoteEndpoint.Async}.
 */
public interface RawSocket {

    /** Writes {@code frames} (complete WebSocket frames); {@code done} hears when they have left. */
    void write(ByteBuffer frames, SendHandler done);

    /** Finds the raw socket of a session. */
    interface Finder {
        /** Null when this session has none: its frames are sent one by one. */
        RawSocket of(Session session);
    }
}
