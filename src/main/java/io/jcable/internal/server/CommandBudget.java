package io.jcable.internal.server;

/**
 * How many commands a connection may still send: a token bucket that holds one second's worth
 * ({@code jcable.max-commands-per-second}) and refills at that rate, so a client may burst up to
 * the limit but not keep above it. Callers hold the connection's lock.
 */
final class CommandBudget {

    private static final long SECOND = 1_000_000_000L;

    private final int perSecond;
    private double tokens;
    private long refilledAt;

    CommandBudget(int perSecond, long now) {
        this.perSecond = perSecond;
        this.tokens = perSecond;
        this.refilledAt = now;
    }

    /** Takes one command's token; false when the client is over its rate. */
    boolean take(long now) {
        tokens = Math.min(perSecond, tokens + (double) (now - refilledAt) * perSecond / SECOND);
        refilledAt = now;
        if (tokens < 1) {
            return false;
        }
        tokens -= 1;
        return true;
    }
}
