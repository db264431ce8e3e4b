package io.jcable.bench;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jcable.testing.NodeProcess;
import io.jcable.testing.TestBroker;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A rolling restart of a two-node cluster on a real Artemis broker while 200 extended-protocol clients
 * receive 50 broadcasts a second made through both nodes: node A is stopped with a shutdown delay
 * (taken out of the "load balancer" first), its clients are told {@code server_restart} and come back on
 * B with their session id; A starts again; then the same for B. Every client ends with every broadcast
 * once, all in the same order (the sequencer's).
 */
class RollingRestartIT {

    private static final int CLIENTS = 200;
    private static final int PER_SECOND = 50;

    @Test
    void aRollingRestartOfBothNodesLosesNothing() throws Exception {
        try (TestBroker broker = TestBroker.start()) {
            // Twenty seconds of history (the demo keeps 100 broadcasts, two seconds here): a hundred clients come back
            // at once on a node of a loaded 2-core machine, the last after about two seconds.
            Map<String, String> env = Map.of("JCABLE_CLUSTER_URL", broker.url(), "JCABLE_SHUTDOWN_DELAY", "1000",
                    "JCABLE_HISTORY_SIZE", "1000");
            List<NodeProcess> serving = new CopyOnWriteArrayList<>(); // the load balancer's healthy nodes
            List<NodeProcess> started = new ArrayList<>();
            List<WsClient> loops = List.of(new WsClient("rolling-1"), new WsClient("rolling-2"));
            AtomicBoolean broadcasting = new AtomicBoolean(true);
            AtomicInteger made = new AtomicInteger();
            try {
                for (String name : List.of("rolling-a", "rolling-b")) {
                    NodeProcess node = NodeProcess.start(name, env);
                    started.add(node);
                    awaitHealthy(node);
                    serving.add(node);
                }
                AtomicInteger turn = new AtomicInteger();
                List<ReliableClient> clients = new ArrayList<>();
                for (int i = 0; i < CLIENTS; i++) {
                    ReliableClient client = new ReliableClient(i, "rolling", loops.get(i % 2),
                            sid -> bare(pick(serving, turn.getAndIncrement()), sid));
                    clients.add(client);
                    client.connect(serving.get(i % 2).cable("user" + i));
                }
                await().atMost(Duration.ofSeconds(60)).until(() -> clients.stream().allMatch(ReliableClient::subscribed));

                Thread broadcaster = new Thread(() -> {
                    long start = System.nanoTime();
                    for (int n = 0; broadcasting.get(); n++) {
                        long wait = start + n * 1_000_000_000L / PER_SECOND - System.nanoTime();
                        if (wait > 0) {
                            sleep(wait / 1_000_000);
                        }
                        NodeProcess through = pick(serving, n);
                        through.probe().broadcast("chat_rolling", "{\"n\":" + n + "}");
                        made.set(n + 1);
                    }
                }, "rolling-broadcaster");
                broadcaster.start();

                sleep(2000);
                for (int i = 0; i < 2; i++) {
                    NodeProcess stopping = started.get(i);
                    serving.remove(stopping); // the balancer takes it out as its health check turns 503
                    stopping.close(); // SIGTERM: 503 at once, serves for the delay, then server_restart
                    NodeProcess again = NodeProcess.start(stopping == started.get(0) ? "rolling-a2" : "rolling-b2", env);
                    started.set(i, again);
                    awaitHealthy(again);
                    serving.add(again);
                    sleep(2000);
                }
                broadcasting.set(false);
                broadcaster.join();
                int total = made.get();
                try {
                    await().atMost(Duration.ofSeconds(60)).until(() -> clients.stream().allMatch(client -> client.count() >= total));
                } catch (org.awaitility.core.ConditionTimeoutException e) {
                    // what the clients that fell short got says why, below
                }
                sleep(500);
                assertEquals(List.of(), clients.stream().filter(client -> client.count() < total)
                        .map(client -> client.index + ":" + client.count() + "/" + total + " restores " + client.restores + client.problems
                                + " " + ReliableClient.difference(IntStream.range(0, total).boxed().toList(), client.received()))
                        .limit(3).toList(), "clients that did not get every broadcast");

                // Broadcasts made on two nodes a moment apart are in the sequencer's order, not the order of the
                // calls that made them: every client must see the same order, each broadcast once.
                List<Integer> all = clients.get(0).received();
                assertEquals(IntStream.range(0, total).boxed().toList(), all.stream().sorted().toList(), "each broadcast once");
                List<Long> recoveries = new ArrayList<>();
                int restores = 0;
                for (ReliableClient client : clients) {
                    assertEquals(List.of(), client.problems, "client " + client.index);
                    assertEquals(all, client.received(), () -> "client " + client.index + ": every broadcast once, in client 0's order; "
                        + ReliableClient.difference(all, client.received()));
                    recoveries.addAll(client.recoveryNanos);
                    restores += client.restores;
                }
                assertTrue(restores >= CLIENTS, "every client moved at least once: " + restores);
                recoveries.sort(null);
                System.out.printf("rolling restart: %d clients, %d broadcasts at %d/s through both nodes, %d restores on the other "
                                + "node; recovery p50 %.1f ms, p99 %.1f ms%n", CLIENTS, total, PER_SECOND, restores,
                        recoveries.get(recoveries.size() / 2) / 1e6, recoveries.get((int) Math.ceil(recoveries.size() * 0.99) - 1) / 1e6);
            } finally {
                broadcasting.set(false);
                for (WsClient loop : loops) {
                    loop.close();
                }
                for (NodeProcess node : started) {
                    node.close();
                }
            }
        }
    }

    /** One of the nodes serving now, by turn. */
    private static NodeProcess pick(List<NodeProcess> serving, int turn) {
        List<NodeProcess> now = List.copyOf(serving);
        return now.get(turn % now.size());
    }

    private static URI bare(NodeProcess node, String sid) {
        return URI.create(node.cable("nobody").toString().replaceFirst("\\?.*", "") + "?sid=" + sid);
    }

    private static void awaitHealthy(NodeProcess node) {
        await().atMost(Duration.ofSeconds(30)).until(() -> node.probe().cluster().startsWith("connected")
                && node.send(HttpRequest.newBuilder(node.http("_health")).build()).statusCode() == 200);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
