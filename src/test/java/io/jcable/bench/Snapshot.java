package io.jcable.bench;

import java.time.Duration;

/** Server and generator resources at one moment. */
record Snapshot(long nanoTime, long serverRssKib, Duration serverCpu, Duration generatorCpu) {

    static Snapshot take(ServerProcess server) {
        return new Snapshot(System.nanoTime(), server == null ? -1 : server.rssKib(),
                server == null ? Duration.ZERO : server.cpu(), ServerProcess.generatorCpu());
    }

    /** Percent of one core the server used between {@code earlier} and this snapshot. */
    double serverCpuPercent(Snapshot earlier) {
        return percent(serverCpu.minus(earlier.serverCpu), earlier);
    }

    double generatorCpuPercent(Snapshot earlier) {
        return percent(generatorCpu.minus(earlier.generatorCpu), earlier);
    }

    private double percent(Duration used, Snapshot earlier) {
        long wall = nanoTime - earlier.nanoTime;
        return wall <= 0 ? 0 : 100.0 * used.toNanos() / wall;
    }
}
