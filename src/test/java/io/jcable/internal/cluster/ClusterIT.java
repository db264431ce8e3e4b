package io.jcable.internal.cluster;

import static io.jcable.testing.CableClient.message;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jcable.testing.CableClient;
import io.jcable.testing.NodeProcess;
import io.jcable.testing.NodeTests;
import io.jcable.testing.Probe;
import io.jcable.testing.TestBroker;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two standalone nodes, each in its own JVM, on one real Artemis broker (in a third): what is
 * broadcast on one reaches the subscribers of both, once, in order; a disconnect fired on one closes
 * the user's connections on both; a broker that crashes and comes back costs nothing: both nodes
 * report it at once, are healthy again only when both directions are back, and what they accepted
 * meanwhile crosses once the broker is back; a node that stops publishes what it accepted first.
 * The broker-down tests and the stop run last.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    private static TestBroker broker;
    private static NodeProcess a;
    private static NodeProcess b;

    @BeforeAll
    static void aBrokerAndTwoNodes() throws Exception {
        broker = TestBroker.start();
        Map<String, String> env = Map.of("JCABLE_CLUSTER_URL", broker.url());
        a = NodeProcess.start("cluster-a", env);
        b = NodeProcess.start("cluster-b", env);
        for (NodeProcess node : List.of(a, b)) {
            await().atMost(Duration.ofSeconds(20)).until(() -> node.probe().cluster().startsWith("connected"));
        }
    }

    @AfterAll
    static void stop() throws Exception {
        for (AutoCloseable closeable : new AutoCloseable[] {a, b, broker}) {
            if (closeable != null) {
                closeable.close();
            }
        }
    }

    @Test
    @Order(1)
    void aBroadcastOnOneNodeReachesTheSubscribersOfBothOnce() {
        String room = CableClient.chat("everywhere");
        try (CableClient onA = a.connect("alice"); CableClient onB = b.connect("bob")) {
            onA.subscribeConfirmed(room);
            onB.subscribeConfirmed(room);

            b.probe().broadcast("chat_everywhere", "{\"from\":\"a bean on B\"}");
            assertEquals(message(room, "{\"from\":\"a bean on B\"}"), onA.next());
            assertEquals(message(room, "{\"from\":\"a bean on B\"}"), onB.next());

            assertEquals(201, b.broadcast("{\"stream\":\"chat_everywhere\",\"data\":\"{\\\"from\\\":\\\"HTTP on B\\\"}\"}")
                    .statusCode());
            assertEquals(message(room, "{\"from\":\"HTTP on B\"}"), onA.next());
            assertEquals(message(room, "{\"from\":\"HTTP on B\"}"), onB.next());

            a.probe().broadcast("chat_everywhere", "{\"from\":\"a bean on A\"}");
            assertEquals(message(room, "{\"from\":\"a bean on A\"}"), onA.next());
            assertEquals(message(room, "{\"from\":\"a bean on A\"}"), onB.next());

            onA.expectNothing(Duration.ofMillis(500)); // no echo, no second copy
            onB.expectNothing(Duration.ofMillis(100));
        }
    }

    /** AnyCable's exclude_socket crosses the cluster: the sid named on node B is skipped on node A, and only it. */
    @Test
    @Order(1)
    void aBroadcastToOthersSkipsItsSocketOnAnotherNode() {
        String room = CableClient.chat("others");
        try (CableClient ext = CableClient.connect(a.cable("carol"), Map.of(), List.of("actioncable-v1-ext-json"));
             CableClient plain = a.connect("dave")) {
            String sid = ext.nextJson().getString("sid");
            ext.subscribeConfirmed(room);
            plain.subscribeConfirmed(room);
            assertEquals(201, b.broadcast("{\"stream\":\"chat_others\",\"data\":\"1\",\"meta\":{\"exclude_socket\":\"" + sid + "\"}}")
                    .statusCode());
            assertEquals(201, b.broadcast("{\"stream\":\"chat_others\",\"data\":\"2\"}").statusCode());
            assertEquals(message(room, "1"), plain.next());
            assertEquals(message(room, "2"), plain.next());
            assertEquals("2", ext.nextJson().get("message").toString()); // 1 named its sid
        }
    }

    @Test
    @Order(2)
    void fiveHundredBroadcastsFromOneNodeArriveOnTheOtherCompleteInOrderOnce() {
        String room = CableClient.chat("ordered");
        try (CableClient onA = a.connect("alice")) {
            onA.subscribeConfirmed(room);
            Probe probe = b.probe();
            for (int i = 0; i < 500; i++) {
                probe.broadcast("chat_ordered", "{\"n\":" + i + "}");
            }
            List<Integer> seen = new ArrayList<>();
            Pattern n = Pattern.compile("\\{\"n\":(\\d+)}");
            while (seen.size() < 500) {
                Matcher number = n.matcher(onA.next());
                assertTrue(number.find());
                seen.add(Integer.parseInt(number.group(1)));
            }
            for (int i = 0; i < 500; i++) {
                assertEquals(i, seen.get(i), "in order, each once");
            }
            onA.expectNothing(Duration.ofMillis(500));
        }
    }

    @Test
    @Order(3)
    void aDisconnectFiredOnOneNodeClosesTheUsersConnectionsOnEveryNode() {
        String room = CableClient.chat("leaving");
        try (CableClient aliceOnA = a.connect("alice"); CableClient aliceOnB = b.connect("alice");
             CableClient bobOnA = a.connect("bob")) {
            for (CableClient client : List.of(aliceOnA, aliceOnB, bobOnA)) {
                client.subscribeConfirmed(room);
            }
            b.probe().disconnect("current_user_id", "alice", false);

            String remote = "{\"type\":\"disconnect\",\"reason\":\"remote\",\"reconnect\":false}";
            String left = message(room, "{\"user\":\"alice\",\"performed\":\"left\"}");
            // Her connection on B may end first and its "left" reach A before the disconnect does.
            for (CableClient alice : List.of(aliceOnA, aliceOnB)) {
                String frame = alice.next();
                while (frame.equals(left)) {
                    frame = alice.next();
                }
                assertEquals(remote, frame);
            }
            assertEquals(1000, aliceOnA.awaitClose().code());
            assertEquals(1000, aliceOnB.awaitClose().code());
            // Her subscriptions ended on both nodes; bob is still there.
            assertEquals(left, bobOnA.next());
            assertEquals(left, bobOnA.next());
            bobOnA.assertOpen();
        }
    }

    @Test
    @Order(4)
    void aForeignOrMalformedMessageOnTheTopicIsLoggedAndSkipped() {
        Probe probeA = a.probe();
        probeA.clearLog();
        broker.sendForeign("jcable", "not JSON at all", "broadcast");
        broker.sendForeign("jcable", "{\"order\":42}", null);
        broker.sendForeign("jcable", "{\"identifiers\":{},\"reconnect\":true}", "disconnect");
        await().atMost(Duration.ofSeconds(10)).until(() -> probeA.cluster().contains("skipped=3"));
        assertEquals(3, probeA.log().stream().filter(line -> line.message().contains("skipped a message on topic jcable")).count(),
                probeA.log()::toString);
        aBroadcastOnOneNodeReachesTheSubscribersOfBothOnce();
    }

    @Test
    @Order(5)
    void theOfficialClientOnOneNodeReceivesWhatIsBroadcastOnTheOther() throws Exception {
        NodeTests.assertPass("cluster.test.mjs", Map.of("JCABLE_NODE_A", a.base().toString(), "JCABLE_NODE_B", b.base().toString()));
    }

    @Test
    @Order(6)
    void afterABrokerCrashBothNodesAreHealthyOnlyOnceBothDirectionsAreBackAndTheirNextBroadcastsCrossOnce() throws Exception {
        String room = CableClient.chat("restart");
        try (CableClient onA = a.connect("alice"); CableClient onB = b.connect("bob")) {
            bothSubscribedLogsCleared(onA, onB, room);

            crashTheBroker();
            broker.startAgain();
            await().atMost(Duration.ofSeconds(30)).until(() -> health(a) == 200 && health(b) == 200);
            for (NodeProcess node : List.of(a, b)) {
                assertTrue(node.probe().cluster().startsWith("connected publishing=up listening=up"), node.probe()::cluster);
            }

            broadcastOnBothAtOnce("chat_restart", "after", 100);
            assertEachGotBothInOrderOnce(List.of(onA, onB), "after", 100);
            assertOutageLoggedOnceAndNothingLost();
        }
    }

    @Test
    @Order(7)
    void broadcastsAcceptedWhileTheBrokerIsAwayWaitAndCrossOnceItIsBack() throws Exception {
        String room = CableClient.chat("outage");
        try (CableClient onA = a.connect("alice"); CableClient onB = b.connect("bob")) {
            bothSubscribedLogsCleared(onA, onB, room);

            crashTheBroker();
            broadcastOnBothAtOnce("chat_outage", "during", 50);
            // Local delivery does not wait for the broker.
            assertInOrder(onA, room, "during", "A", 50);
            assertInOrder(onB, room, "during", "B", 50);
            for (NodeProcess node : List.of(a, b)) {
                assertEquals(50, count(node.probe().cluster(), "waiting"), node.probe()::cluster);
            }

            broker.startAgain();
            await().atMost(Duration.ofSeconds(30)).until(() -> health(a) == 200 && health(b) == 200);
            assertInOrder(onA, room, "during", "B", 50);
            assertInOrder(onB, room, "during", "A", 50);
            onA.expectNothing(Duration.ofMillis(500));
            onB.expectNothing(Duration.ofMillis(100));
            assertOutageLoggedOnceAndNothingLost();
            for (NodeProcess node : List.of(a, b)) {
                assertEquals(0, count(node.probe().cluster(), "waiting"), node.probe()::cluster);
                assertEquals(4, node.probe().state("jcableClusterThreads"), "a publisher, a listener, a sequencer and a watch thread");
            }
        }
    }

    private static void bothSubscribedLogsCleared(CableClient onA, CableClient onB, String room) {
        onA.subscribeConfirmed(room);
        onB.subscribeConfirmed(room);
        a.probe().clearLog();
        b.probe().clearLog();
    }

    /** SIGKILL: the nodes learn it from the closed sockets alone, and both report it within seconds, before any send. */
    private static void crashTheBroker() throws InterruptedException {
        broker.kill();
        await().atMost(Duration.ofSeconds(10)).until(() -> health(a) == 503 && health(b) == 503);
        for (NodeProcess node : List.of(a, b)) {
            assertTrue(node.probe().cluster().startsWith("reconnecting publishing=down listening=down"), node.probe()::cluster);
        }
    }

    /** {@code count} broadcasts to {@code stream} on each node, both at the same time: {@code {"<label>":"A","n":i}} and B's. */
    private static void broadcastOnBothAtOnce(String stream, String label, int count) throws Exception {
        ExecutorService both = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> sent = new ArrayList<>();
            for (NodeProcess node : List.of(a, b)) {
                String name = node == a ? "A" : "B";
                Probe probe = node.probe();
                sent.add(both.submit(() -> {
                    for (int i = 0; i < count; i++) {
                        probe.broadcast(stream, "{\"" + label + "\":\"" + name + "\",\"n\":" + i + "}");
                    }
                }));
            }
            for (Future<?> done : sent) {
                done.get(60, TimeUnit.SECONDS);
            }
        } finally {
            both.shutdownNow();
        }
    }

    /** Each client got both nodes' broadcasts, each node's in order, each once, and nothing else. */
    private static void assertEachGotBothInOrderOnce(List<CableClient> clients, String label, int count) {
        for (CableClient client : clients) {
            Map<String, List<Integer>> seen = Map.of("A", new ArrayList<>(), "B", new ArrayList<>());
            Pattern broadcast = Pattern.compile("\\{\"" + label + "\":\"([AB])\",\"n\":(\\d+)}");
            for (int i = 0; i < 2 * count; i++) {
                Matcher frame = broadcast.matcher(client.next());
                assertTrue(frame.find());
                seen.get(frame.group(1)).add(Integer.parseInt(frame.group(2)));
            }
            for (List<Integer> fromOneNode : seen.values()) {
                assertEquals(IntStream.range(0, count).boxed().toList(), fromOneNode, "in order, each once");
            }
            client.expectNothing(Duration.ofMillis(300));
        }
    }

    private static void assertInOrder(CableClient client, String room, String label, String node, int count) {
        for (int i = 0; i < count; i++) {
            assertEquals(message(room, "{\"" + label + "\":\"" + node + "\",\"n\":" + i + "}"), client.next());
        }
    }

    private static void assertOutageLoggedOnceAndNothingLost() {
        for (NodeProcess node : List.of(a, b)) {
            List<Probe.Line> log = node.probe().log();
            long down = log.stream().filter(line -> line.message().contains("broker unreachable")).count();
            assertEquals(3, down, "publishing, listening and sequencing each log the outage once, not per message or attempt: " + log);
            assertEquals(0, count(node.probe().cluster(), "unpublished"), node.probe()::cluster);
        }
    }

    @Test
    @Order(8)
    void aNodeThatStopsPublishesWhatItAcceptedFirst() throws Exception {
        String room = CableClient.chat("last-words");
        try (CableClient onA = a.connect("alice")) {
            onA.subscribeConfirmed(room);
            Probe probe = b.probe();
            for (int i = 0; i < 300; i++) {
                probe.broadcast("chat_last-words", "{\"n\":" + i + "}");
            }
            b.close(); // SIGTERM right after the last broadcast was accepted
            for (int i = 0; i < 300; i++) {
                assertEquals(message(room, "{\"n\":" + i + "}"), onA.next());
            }
        }
    }

    private static long count(String state, String name) {
        Matcher value = Pattern.compile("\\b" + name + "=(\\d+)").matcher(state);
        assertTrue(value.find(), state);
        return Long.parseLong(value.group(1));
    }

    private static int health(NodeProcess node) {
        return node.send(HttpRequest.newBuilder(node.http("_health")).build()).statusCode();
    }
}
