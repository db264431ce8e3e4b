package io.jcable.bench;

import io.jcable.internal.protocol.JsonText;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Open loop: N subscribers of BenchmarkChannel; one sender broadcasts at a fixed rate, whatever the
 * server's answers; each message carries its scheduled send time, and every subscriber records the
 * latency of every delivery. A late server cannot slow the sender down and hide its backlog.
 */
final class BroadcastBench {

    private BroadcastBench() {
    }

    static String run(BenchOptions options) throws Exception {
        ServerProcess server = ServerProcess.listeningOn(options.port()).orElse(null);
        long heapBefore = server == null ? -1 : server.heapAfterGcKib();
        Snapshot before = Snapshot.take(server);
        Histogram latency = new ConcurrentHistogram(3_600_000_000L, 3);
        AtomicLong delivered = new AtomicLong();
        AtomicLong duplicates = new AtomicLong();
        try (Fleet fleet = new Fleet(options)) {
            List<Fleet.Client> subscribers = fleet.open("subscriber", options.clients(), (client, text) -> {
                if (!text.contains("\"action\":\"broadcast\"")) {
                    return;
                }
                long arrived = Clock.micros();
                int seq = (int) Fleet.field(text, "seq");
                if (client.state == null) {
                    client.state = new BitSet(options.messages());
                }
                BitSet seen = (BitSet) client.state; // one loop thread per client: no lock
                if (seen.get(seq)) {
                    duplicates.incrementAndGet();
                    return;
                }
                seen.set(seq);
                latency.recordValue(Math.max(0, arrived - Fleet.field(text, "t")));
                delivered.incrementAndGet();
            });
            double connectSeconds = (System.nanoTime() - before.nanoTime()) / 1e9;
            Thread.sleep(options.settle() * 1000L);
            long heapConnected = server == null ? -1 : server.heapAfterGcKib();
            Snapshot connected = Snapshot.take(server);

            Sender sender = new Sender(options, fleet);
            long lastSend = sender.send();
            long expected = (long) subscribers.size() * options.messages();
            long deadline = lastSend + 30_000_000_000L;
            while (delivered.get() < expected && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            Snapshot end = Snapshot.take(server);
            double seconds = (end.nanoTime() - connected.nanoTime()) / 1e9;
            return report(options, fleet, subscribers.size(), connectSeconds, before, connected, end, latency,
                    delivered.get(), expected, duplicates.get(), sender, seconds, new Heap(heapBefore, heapConnected));
        }
    }

    /** Sends the broadcasts on schedule, from a subscribed client or over HTTP. */
    private static final class Sender {
        final BenchOptions options;
        final Fleet.Client client;
        final HttpClient http;
        final AtomicLong httpErrors = new AtomicLong();
        long late;
        long maxLagMicros;
        long firstSend;

        Sender(BenchOptions options, Fleet fleet) throws InterruptedException {
            this.options = options;
            boolean viaHttp = options.via().equals("http");
            this.http = viaHttp ? HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build() : null;
            this.client = viaHttp ? null : fleet.open("sender", 1, (c, text) -> { }).get(0);
        }

        long send() {
            String pad = "x".repeat(options.payload());
            long period = 1_000_000_000L / options.rate();
            long start = System.nanoTime() + 100_000_000L;
            firstSend = start;
            long deadline = start;
            for (int seq = 0; seq < options.messages(); seq++) {
                deadline = start + seq * period;
                for (long wait; (wait = deadline - System.nanoTime()) > 0; ) {
                    LockSupport.parkNanos(wait);
                }
                long lag = (System.nanoTime() - deadline) / 1000;
                maxLagMicros = Math.max(maxLagMicros, lag);
                if (lag > 1000) {
                    late++;
                }
                String data = "{\"action\":\"broadcast\",\"seq\":" + seq + ",\"t\":" + Clock.micros(deadline)
                        + ",\"pad\":\"" + pad + "\"}";
                if (client != null) {
                    client.connection.send("{\"command\":\"message\",\"identifier\":" + JsonText.quote(Fleet.IDENTIFIER)
                            + ",\"data\":" + JsonText.quote(data) + "}");
                } else {
                    post(data);
                }
            }
            return deadline;
        }

        private void post(String data) {
            HttpRequest request = HttpRequest.newBuilder(options.httpBase().resolve("/_broadcast"))
                    .header("Authorization", "Bearer " + options.key())
                    .POST(HttpRequest.BodyPublishers.ofString("{\"stream\":\"all\",\"data\":" + JsonText.quote(data) + "}"))
                    .build();
            http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
                if (error != null || response.statusCode() != 201) {
                    httpErrors.incrementAndGet();
                }
            });
        }
    }

    /** A JVM server's live heap (after a full collection) before and after the clients connected; -1 if not a JVM. */
    private record Heap(long beforeKib, long connectedKib) {
        double perConnectionKib(int connections) {
            return beforeKib < 0 || connectedKib < 0 ? -1 : (connectedKib - beforeKib) / (double) Math.max(1, connections);
        }
    }

    private static String report(BenchOptions o, Fleet fleet, int subscribers, double connectSeconds, Snapshot before,
                                 Snapshot connected, Snapshot end, Histogram latency, long delivered, long expected,
                                 long duplicates, Sender sender, double runSeconds, Heap heap) {
        double perConnectionKib = before.serverRssKib() < 0 ? -1
                : (connected.serverRssKib() - before.serverRssKib()) / (double) Math.max(1, subscribers);
        double deliveriesPerSecond = delivered / Math.max(1e-9, (end.nanoTime() - sender.firstSend) / 1e9);
        String human = String.format(Locale.ROOT, """
                %s: broadcast, %d subscribers, %d/s x %d messages, %d B padding, via %s
                  connect   %d clients in %.1f s (p50 %d ms, p99 %d ms), %d failed%s
                  latency   p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms
                  delivered %d of %d (lost %d, duplicates %d), %.0f deliveries/s
                  server    CPU %.0f%% of a core during the run; RSS %.1f MiB before, %.1f MiB connected (%.1f KiB per connection), %.1f MiB at the end
                  heap      after a full GC: %.1f MiB before, %.1f MiB connected (%.1f KiB per connection; -1: not a JVM)
                  generator CPU %.0f%% of a core during the run; sends late by more than 1 ms: %d (max %.1f ms)%s
                """, o.label(), o.clients(), o.rate(), o.messages(), o.payload(), o.via(),
                subscribers, connectSeconds, fleet.connectMillis.getValueAtPercentile(50),
                fleet.connectMillis.getValueAtPercentile(99), fleet.failures.get(),
                fleet.failureReasons.isEmpty() ? "" : " " + fleet.failureReasons.subList(0, Math.min(3, fleet.failureReasons.size())),
                ms(latency, 50), ms(latency, 90), ms(latency, 99), latency.getMaxValue() / 1000.0,
                delivered, expected, expected - delivered, duplicates, deliveriesPerSecond,
                end.serverCpuPercent(connected), before.serverRssKib() / 1024.0, connected.serverRssKib() / 1024.0,
                perConnectionKib, end.serverRssKib() / 1024.0,
                heap.beforeKib() / 1024.0, heap.connectedKib() / 1024.0, heap.perConnectionKib(subscribers),
                end.generatorCpuPercent(connected), sender.late, sender.maxLagMicros / 1000.0,
                sender.httpErrors.get() == 0 ? "" : "; HTTP errors: " + sender.httpErrors.get());
        String json = String.format(Locale.ROOT, "{\"label\":%s,\"mode\":\"broadcast\",\"clients\":%d,\"rate\":%d,"
                        + "\"messages\":%d,\"payload\":%d,\"via\":\"%s\",\"connectSeconds\":%.2f,\"connectP99Ms\":%d,"
                        + "\"connectFailures\":%d,\"p50Ms\":%.3f,\"p90Ms\":%.3f,\"p99Ms\":%.3f,\"maxMs\":%.3f,"
                        + "\"delivered\":%d,\"expected\":%d,\"duplicates\":%d,\"deliveriesPerSecond\":%.1f,"
                        + "\"serverCpuPercent\":%.1f,\"rssBeforeKib\":%d,\"rssConnectedKib\":%d,\"rssEndKib\":%d,"
                        + "\"kibPerConnection\":%.2f,\"heapBeforeKib\":%d,\"heapConnectedKib\":%d,"
                        + "\"heapKibPerConnection\":%.2f,\"generatorCpuPercent\":%.1f,\"lateSends\":%d}",
                JsonText.quote(o.label()), o.clients(), o.rate(), o.messages(), o.payload(), o.via(), connectSeconds,
                fleet.connectMillis.getValueAtPercentile(99), fleet.failures.get(), ms(latency, 50), ms(latency, 90),
                ms(latency, 99), latency.getMaxValue() / 1000.0, delivered, expected, duplicates, deliveriesPerSecond,
                end.serverCpuPercent(connected), before.serverRssKib(), connected.serverRssKib(), end.serverRssKib(),
                perConnectionKib, heap.beforeKib(), heap.connectedKib(), heap.perConnectionKib(subscribers),
                end.generatorCpuPercent(connected), sender.late);
        return human + "BENCH-RESULT " + json;
    }

    private static double ms(Histogram histogram, double percentile) {
        return histogram.getValueAtPercentile(percentile) / 1000.0;
    }
}
