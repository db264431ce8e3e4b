package io.jcable.internal.server;

import java.util.concurrent.atomic.LongAdder;

/** What the connections' side of the server counts since start, for operators ({@code io.jcable.internal.monitoring}). */
public final class ServerCounters {

    final LongAdder admitted = new LongAdder();
    final LongAdder refused = new LongAdder();
    final LongAdder slowClientsDropped = new LongAdder();
    final LongAdder queueOverflows = new LongAdder();
    final LongAdder commandFloods = new LongAdder();
    final LongAdder subscriptionsOverLimit = new LongAdder();
    /** A gauge, kept by the connections as they change: read without taking any connection's lock. */
    final LongAdder subscriptions = new LongAdder();

    /** Sockets admitted (jcable.max-connections, per address). */
    public long admitted() {
        return admitted.sum();
    }

    /** Sockets refused by jcable.max-connections or jcable.max-connections-per-address. */
    public long refused() {
        return refused.sum();
    }

    /** Clients dropped because they did not read: queue full or socket stalled past jcable.send-timeout. */
    public long slowClientsDropped() {
        return slowClientsDropped.sum();
    }

    /** Of those, the ones whose outbound queue (jcable.outbound-queue) overflowed. */
    public long queueOverflows() {
        return queueOverflows.sum();
    }

    /** Clients disconnected for going over jcable.max-commands-per-second. */
    public long commandFloods() {
        return commandFloods.sum();
    }

    /** Subscriptions rejected by jcable.max-subscriptions or jcable.max-identifier-length. */
    public long subscriptionsOverLimit() {
        return subscriptionsOverLimit.sum();
    }

    /** Subscriptions of all open connections, now. */
    public long subscriptions() {
        return subscriptions.sum();
    }
}
