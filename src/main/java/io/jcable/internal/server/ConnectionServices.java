package io.jcable.internal.server;

import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * What every connection shares: its limits, the counters it adds to, the executor its socket closes
 * on, and the cleanup that ends it once its socket is closed.
 */
record ConnectionServices(int outboundQueue, int maxCommandsPerSecond, ServerCounters counters, Executor closer,
        Consumer<CableConnection> cleanup) {
}
