package io.jcable.internal.broadcast;

import java.util.function.Supplier;

/**
 * The socket id of the connection whose command runs on this thread, for "broadcast to others". A
 * supplier, so that a connection's id is made only when an action asks for it.
 */
public final class SenderSocket {

    private static final ThreadLocal<Supplier<String>> CURRENT = new ThreadLocal<>();

    private SenderSocket() {
    }

    /** Runs {@code work} (a connection's command, callback or timer) as that connection's: "to others" skips it. */
    public static void during(Supplier<String> socketId, Runnable work) {
        CURRENT.set(socketId);
        try {
            work.run();
        } finally {
            CURRENT.remove();
        }
    }

    /** The running connection's socket id, or null outside a connection's command. */
    public static String current() {
        Supplier<String> socketId = CURRENT.get();
        return socketId == null ? null : socketId.get();
    }
}
