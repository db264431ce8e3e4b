package io.jcable.internal.server;

import jakarta.websocket.SendHandler;
import jakarta.websocket.Session;
import java.nio.ByteBuffer;

/**
 * A connection's socket taking frames already encoded, several in one write: what a runtime may
 * offer beyond Jakarta WebSocket's sends of one message each (one system call each when the socket
 * is free). The spec's batching, {@code RemoteEndpoint.setBatchingAllowed} and {@code flushBatch},
 * would allow as much, but Tyrus 2.1.5 (standalone and Payara) and Undertow 2.3 (WildFly)
 * implement both as no-ops on the remotes a session hands out. Only the standalone runtime offers
 * a raw socket; elsewhere frames go through {@code RemoteEndpoint.Async}.
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
