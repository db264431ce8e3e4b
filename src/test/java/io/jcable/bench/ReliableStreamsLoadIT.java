package io.jcable.bench;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jcable.testing.DemoServer;
import io.jcable.testing.Probe;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * AnyCable's extended protocol under load: 1 000 clients on one stream at 100 broadcasts a second; 200
 * of them are dropped during the run (their TCP connections reset, as a lost network does) and come
 * back at once with their session id, asking for what they missed. Every client ends with every
 * broadcast once, in order; the time from setting out to come back to the history's confirmation is
 * reported (p50, p99).
 */
class ReliableStreamsLoadIT {

    private static final int CLIENTS = 1000;
    private static final int DROPPED = 200;
    private static final int BROADCASTS = 1000;
    private static final int PER_SECOND = 100;

    /**
     * Ten seconds of this stream (the demo keeps 100 broadcasts, one second here): a dropped client comes
     * back after its own lag behind the stream (on 2 shared cores, up to a second or so) plus its
     * reconnect, and a history must span both. Size {@code jcable.history.size} as rate times the longest
     * absence to bridge.
     */
    @RegisterExtension
    static final DemoServer demo = DemoServer.perClass(Map.of("jcable.history.size", "1000"));

    @Test
    void aThousandSubscribersTwoHundredDroppedEveryBroadcastOnceInOrder() throws Exception {
        List<WsClient> loops = List.of(new WsClient("reliable-1"), new WsClient("reliable-2"));
        List<ReliableClient> clients = new ArrayList<>();
        try {
            URI cable = demo.cable("load");
            URI bare = URI.create(cable.toString().replaceFirst("\\?.*", ""));
            for (int i = 0; i < CLIENTS; i++) {
                ReliableClient client = new ReliableClient(i, "load", loops.get(i % loops.size()),
                        sid -> URI.create(bare + "?sid=" + sid));
                clients.add(client);
                client.connect(demo.cable("user" + i));
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> clients.stream().allMatch(ReliableClient::subscribed));

            Probe probe = demo.probe();
            long cpuBefore = ManagementFactory.getPlatformMXBean(com.sun.management.OperatingSystemMXBean.class).getProcessCpuTime();
            long started = System.nanoTime();
            List<ReliableClient> dropped = clients.stream()
                    .filter(client -> client.index % (CLIENTS / DROPPED) == 0).toList();
            for (int n = 0; n < BROADCASTS; n++) {
                long due = started + n * 1_000_000_000L / PER_SECOND;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                probe.broadcast("chat_load", "{\"n\":" + n + "}");
                if (n >= 200 && n < 200 + DROPPED * 2 && n % 2 == 0) {
                    dropped.get((n - 200) / 2).drop(); // 200 drops spread over 4 s of the run
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            try {
                await().atMost(Duration.ofSeconds(60)).until(() -> clients.stream().allMatch(client -> client.count() >= BROADCASTS));
            } catch (org.awaitility.core.ConditionTimeoutException e) {
                // What the clients that fell short got says why, below.
            }
            long cpu = ManagementFactory.getPlatformMXBean(com.sun.management.OperatingSystemMXBean.class).getProcessCpuTime() - cpuBefore;

            List<Integer> all = IntStream.range(0, BROADCASTS).boxed().toList();
            List<Long> recoveries = new ArrayList<>();
            List<String> short_ = clients.stream().filter(client -> client.count() < BROADCASTS)
                    .map(client -> client.index + ":" + client.count() + (client.restores > 0 ? " restored" : "") + client.problems)
                    .limit(20).toList();
            assertEquals(List.of(), short_, "clients that did not get every broadcast (index:count)");
            for (ReliableClient client : clients) {
                assertEquals(List.of(), client.problems, "client " + client.index);
                assertEquals(all, client.received(), () -> "client " + client.index + ": every broadcast once, in order; "
                        + ReliableClient.difference(all, client.received()));
                recoveries.addAll(client.recoveryNanos);
            }
            assertEquals(DROPPED, dropped.stream().mapToInt(client -> client.restores).sum(), "each dropped client restored once");
            assertEquals(DROPPED, recoveries.size());
            recoveries.sort(null);
            System.out.printf("reliable streams: %d clients, %d broadcasts in %.1f s (%.0f/s), %d dropped and restored; recovery "
                            + "(from setting out to come back to confirm_history) p50 %.1f ms, p99 %.1f ms, max %.1f ms; "
                            + "server and generator CPU (one JVM) %.1f s over the run%n",
                    CLIENTS, BROADCASTS, seconds, BROADCASTS / seconds, DROPPED, recoveries.get(recoveries.size() / 2) / 1e6,
                    recoveries.get((int) Math.ceil(recoveries.size() * 0.99) - 1) / 1e6, recoveries.get(recoveries.size() - 1) / 1e6,
                    cpu / 1e9);
        } finally {
            for (WsClient loop : loops) {
                loop.close();
            }
        }
    }
}
