package io.jcable.internal.server;

import io.jcable.config.Limits;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts open sockets, in all and per remote address, against {@code jcable.max-connections} and
 * {@code jcable.max-connections-per-address}. A socket is counted from its admission, before the
 * connection handler runs, until it closes.
 */
final class Admission {

    private final Limits limits;
    private final AtomicInteger open = new AtomicInteger();
    private final Map<String, Integer> perAddress = new ConcurrentHashMap<>();

    Admission(Limits limits) {
        this.limits = limits;
    }

    /** Why a socket was refused: a line for the log, and the close frame's reason for the client. */
    record Refusal(String logged, String closeReason) {
    }

    /** Counts the socket in (null), or says why not (then nothing is counted). */
    Refusal admit(String address) {
        if (open.incrementAndGet() > limits.maxConnections()) {
            open.decrementAndGet();
            return new Refusal("server full: " + limits.maxConnections() + " connections (jcable.max-connections)",
                    "server full");
        }
        if (address != null && !admitFrom(address)) {
            open.decrementAndGet();
            return new Refusal("too many connections from " + address + ": " + limits.maxConnectionsPerAddress()
                    + " (jcable.max-connections-per-address)", "too many connections from this address");
        }
        return null;
    }

    private boolean admitFrom(String address) {
        AtomicBoolean admitted = new AtomicBoolean();
        perAddress.compute(address, (key, count) -> {
            int now = count == null ? 0 : count;
            admitted.set(now < limits.maxConnectionsPerAddress());
            return admitted.get() ? now + 1 : count;
        });
        return admitted.get();
    }

    /** Counts an admitted socket out. */
    void release(String address) {
        open.decrementAndGet();
        if (address != null) {
            // Removed at zero, so that the map does not keep every address ever seen.
            perAddress.computeIfPresent(address, (key, count) -> count == 1 ? null : count - 1);
        }
    }

    int open() {
        return open.get();
    }

    int addresses() {
        return perAddress.size();
    }
}
