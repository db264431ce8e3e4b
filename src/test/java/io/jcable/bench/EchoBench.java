package io.jcable.bench;

import io.jcable.internal.protocol.JsonText;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/** Closed loop: every client performs echo, waits for the answer, and performs the next, for a fixed time. */
final class EchoBench {

    private EchoBench() {
    }

    static String run(BenchOptions options) throws Exception {
        ServerProcess server = ServerProcess.listeningOn(options.port()).orElse(null);
        Histogram roundTrips = new ConcurrentHistogram(3_600_000_000L, 3);
        AtomicLong count = new AtomicLong();
        String pad = "x".repeat(options.payload());
        long[] stopAt = {Long.MAX_VALUE};
        try (Fleet fleet = new Fleet(options)) {
            List<Fleet.Client> clients = fleet.open("echo", options.clients(), (client, text) -> {
                if (!text.contains("\"action\":\"echo\"")) {
                    return;
                }
                long now = Clock.micros();
                roundTrips.recordValue(Math.max(0, now - Fleet.field(text, "t")));
                count.incrementAndGet();
                if (System.nanoTime() < stopAt[0]) {
                    echo(client, pad);
                }
            });
            Snapshot start = Snapshot.take(server);
            stopAt[0] = start.nanoTime() + options.seconds() * 1_000_000_000L;
            clients.forEach(client -> echo(client, pad));
            Thread.sleep(options.seconds() * 1000L + 500);
            Snapshot end = Snapshot.take(server);
            double seconds = (end.nanoTime() - start.nanoTime()) / 1e9;
            return String.format(Locale.ROOT, """
                    %s: echo, %d clients for %d s, %d B padding
                      round trips %.0f/s; p50 %.2f ms, p99 %.2f ms, max %.2f ms
                      server    CPU %.0f%% of a core; RSS %.1f MiB
                      generator CPU %.0f%% of a core
                    BENCH-RESULT {"label":%s,"mode":"echo","clients":%d,"roundTripsPerSecond":%.1f,"p50Ms":%.3f,"p99Ms":%.3f,"serverCpuPercent":%.1f,"generatorCpuPercent":%.1f}
                    """, options.label(), clients.size(), options.seconds(), options.payload(), count.get() / seconds,
                    roundTrips.getValueAtPercentile(50) / 1000.0, roundTrips.getValueAtPercentile(99) / 1000.0,
                    roundTrips.getMaxValue() / 1000.0, end.serverCpuPercent(start), end.serverRssKib() / 1024.0,
                    end.generatorCpuPercent(start), JsonText.quote(options.label()), clients.size(),
                    count.get() / seconds, roundTrips.getValueAtPercentile(50) / 1000.0,
                    roundTrips.getValueAtPercentile(99) / 1000.0, end.serverCpuPercent(start),
                    end.generatorCpuPercent(start)).stripTrailing();
        }
    }

    private static void echo(Fleet.Client client, String pad) {
        String data = "{\"action\":\"echo\",\"t\":" + Clock.micros() + ",\"pad\":\"" + pad + "\"}";
        client.connection.send("{\"command\":\"message\",\"identifier\":" + JsonText.quote(Fleet.IDENTIFIER)
                + ",\"data\":" + JsonText.quote(data) + "}");
    }
}
