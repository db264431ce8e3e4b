package io.jcable.bench;

import io.jcable.internal.protocol.JsonText;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;

/**
 * Closed loop, as the websocket-bench tool measures ActionCable servers (hashrocket's, used for
 * AnyCable's published rows): clients are added in steps; at each step random clients perform
 * {@code broadcast}, a fixed number in flight at once, and each round trip lasts until the sender
 * gets its {@code broadcastResult}. A step also checks that every client received every broadcast.
 * The run stops after the last step or once a step's 95th percentile is over the limit.
 */
final class StepBench {

    private static final long DELIVERY_WAIT_NANOS = 30_000_000_000L;

    private StepBench() {
    }

    /** One step's figures. */
    record Step(int clients, double p95Ms, double minMs, double p50Ms, double maxMs, long delivered, long expected) {
    }

    static String run(BenchOptions options) throws Exception {
        ServerProcess server = ServerProcess.listeningOn(options.port()).orElse(null);
        Snapshot before = Snapshot.take(server);
        BlockingQueue<Long> roundTrips = new LinkedBlockingQueue<>();
        AtomicLong delivered = new AtomicLong();
        String pad = "x".repeat(options.payload());
        List<Fleet.Client> clients = new ArrayList<>();
        List<Step> steps = new ArrayList<>();
        try (Fleet fleet = new Fleet(options)) {
            for (int step = 1; step <= options.steps(); step++) {
                clients.addAll(fleet.open("step" + step + "-", options.clients(), (client, text) -> {
                    if (text.contains("\"action\":\"broadcastResult\"")) {
                        roundTrips.add(Clock.micros() - Fleet.field(text, "t"));
                    } else if (text.contains("\"action\":\"broadcast\"")) {
                        delivered.incrementAndGet();
                    }
                }));
                Step measured = measure(options, clients, roundTrips, delivered, pad);
                steps.add(measured);
                System.out.println(describe(measured));
                if (measured.p95Ms() > options.limitRttMs()) {
                    break;
                }
            }
            Snapshot end = Snapshot.take(server);
            return report(options, steps, before, end);
        }
    }

    private static Step measure(BenchOptions options, List<Fleet.Client> clients, BlockingQueue<Long> roundTrips,
                                AtomicLong delivered, String pad) throws InterruptedException {
        Histogram rtt = new Histogram(3_600_000_000L, 3);
        long deliveredBefore = delivered.get();
        int sent = 0;
        for (; sent < Math.min(options.inFlight(), options.samples()); sent++) {
            sendFromARandomClient(clients, pad);
        }
        while (rtt.getTotalCount() < options.samples()) {
            Long micros = roundTrips.poll(60, TimeUnit.SECONDS);
            if (micros == null) {
                throw new IllegalStateException("no broadcastResult for 60 s: the server stopped answering");
            }
            rtt.recordValue(Math.max(0, micros));
            if (sent < options.samples()) {
                sendFromARandomClient(clients, pad);
                sent++;
            }
        }
        long expected = (long) options.samples() * clients.size();
        long deadline = System.nanoTime() + DELIVERY_WAIT_NANOS;
        while (delivered.get() - deliveredBefore < expected && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        return new Step(clients.size(), rtt.getValueAtPercentile(95) / 1000.0, rtt.getMinValue() / 1000.0,
                rtt.getValueAtPercentile(50) / 1000.0, rtt.getMaxValue() / 1000.0, delivered.get() - deliveredBefore, expected);
    }

    private static void sendFromARandomClient(List<Fleet.Client> clients, String pad) {
        Fleet.Client client = clients.get(ThreadLocalRandom.current().nextInt(clients.size()));
        String data = "{\"action\":\"broadcast\",\"t\":" + Clock.micros() + ",\"pad\":\"" + pad + "\"}";
        client.connection.send("{\"command\":\"message\",\"identifier\":" + JsonText.quote(Fleet.IDENTIFIER)
                + ",\"data\":" + JsonText.quote(data) + "}");
    }

    private static String describe(Step step) {
        return String.format(Locale.ROOT, "  clients %6d  p95 %9.2f ms  min %8.2f ms  median %8.2f ms  max %9.2f ms  delivered %d of %d",
                step.clients(), step.p95Ms(), step.minMs(), step.p50Ms(), step.maxMs(), step.delivered(), step.expected());
    }

    private static String report(BenchOptions o, List<Step> steps, Snapshot before, Snapshot end) {
        StringJoiner rows = new StringJoiner(",", "[", "]");
        for (Step s : steps) {
            rows.add(String.format(Locale.ROOT, "{\"clients\":%d,\"p95Ms\":%.3f,\"minMs\":%.3f,\"p50Ms\":%.3f,\"maxMs\":%.3f,"
                    + "\"delivered\":%d,\"expected\":%d}", s.clients(), s.p95Ms(), s.minMs(), s.p50Ms(), s.maxMs(),
                    s.delivered(), s.expected()));
        }
        String human = String.format(Locale.ROOT, """
                %s: step, %d clients added per step, %d broadcasts in flight, %d round trips per step, %d B padding
                  server    CPU %.0f%% of a core; RSS %.1f MiB before, %.1f MiB at the end
                  generator CPU %.0f%% of a core
                """, o.label(), o.clients(), o.inFlight(), o.samples(), o.payload(), end.serverCpuPercent(before),
                before.serverRssKib() / 1024.0, end.serverRssKib() / 1024.0, end.generatorCpuPercent(before));
        return human + "BENCH-RESULT " + String.format(Locale.ROOT, "{\"label\":%s,\"mode\":\"step\",\"stepSize\":%d,"
                + "\"inFlight\":%d,\"samples\":%d,\"serverCpuPercent\":%.1f,\"generatorCpuPercent\":%.1f,\"steps\":%s}",
                JsonText.quote(o.label()), o.clients(), o.inFlight(), o.samples(), end.serverCpuPercent(before),
                end.generatorCpuPercent(before), rows);
    }
}
