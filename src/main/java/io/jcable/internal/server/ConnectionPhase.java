package io.jcable.internal.server;

/**
 * Where a connection is in its life. It only moves forward, one compare-and-set at a time, so of
 * several endings that race (a slow-client drop, a remote disconnect, a shutdown, the client's own
 * close) exactly one wins: one reason, one close, one end of each subscription.
 */
enum ConnectionPhase {
    /** Upgraded; the connection handler has not identified the client yet. */
    OPENING,
    /** Identified and welcomed: its commands are carried out. */
    OPEN,
    /** A disconnect frame is queued; the socket closes once it has left. Commands are ignored. */
    DISCONNECTING,
    /** The socket is being closed; nothing more is sent. */
    CLOSING,
    /** Its subscriptions have ended: nothing of it runs any more. */
    ENDED;

    /** Whether a connection in this phase may still send its client a disconnect frame. */
    boolean canDisconnect() {
        return this == OPENING || this == OPEN;
    }

    /** Whether a connection in this phase may still be closed by the server. */
    boolean canClose() {
        return this == OPENING || this == OPEN || this == DISCONNECTING;
    }
}
