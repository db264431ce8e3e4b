package io.jcable.internal.cluster;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jcable.testing.CableClient;
import io.jcable.testing.NodeProcess;
import io.jcable.testing.TestBroker;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * AnyCable's extended protocol across a cluster of two standalone nodes and a real Artemis broker:
 * every node gives a broadcast the same epoch and offset; a client whose node is killed (SIGKILL)
 * comes back on the other, is restored there and catches up with exactly what it missed, while
 * broadcasts go on; a node started later answers only for what it saw; after a broker crash the
 * positions begin again under a new epoch, and an old one is refused, never misread.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterPositionsIT {

    private static final String EXT = "actioncable-v1-ext-json";

    private static TestBroker broker;
    private static final Map<String, NodeProcess> nodes = new java.util.LinkedHashMap<>();
    private static Map<String, String> env;

    @BeforeAll
    static void aBrokerAndTwoNodes() throws Exception {
        broker = TestBroker.start();
        env = Map.of("JCABLE_CLUSTER_URL", broker.url());
        start("positions-a");
        start("positions-b");
    }

    @AfterAll
    static void stop() throws Exception {
        for (NodeProcess node : nodes.values()) {
            node.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    private static NodeProcess start(String name) throws Exception {
        NodeProcess node = NodeProcess.start(name, env);
        nodes.put(name, node);
        awaitConnected(node);
        return node;
    }

    private static void awaitConnected(NodeProcess node) {
        await().atMost(Duration.ofSeconds(30)).until(() -> node.probe().cluster().startsWith("connected")
                && node.probe().cluster().contains(" waiting=0 ")
                && node.send(HttpRequest.newBuilder(node.http("_health")).build()).statusCode() == 200);
    }

    private static NodeProcess node(String name) {
        return nodes.get(name);
    }

    @Test
    @Order(1)
    void everyNodeGivesABroadcastTheSameEpochAndOffsetWhicheverNodeMadeIt() throws Exception {
        String room = CableClient.chat("same-positions");
        try (CableClient onA = ext(node("positions-a"), "alice"); CableClient onB = ext(node("positions-b"), "bob")) {
            onA.subscribeConfirmed(room);
            onB.subscribeConfirmed(room);
            CompletableFuture<Void> fromA = CompletableFuture.runAsync(() -> broadcast(node("positions-a"), "chat_same-positions", "A", 100));
            CompletableFuture<Void> fromB = CompletableFuture.runAsync(() -> broadcast(node("positions-b"), "chat_same-positions", "B", 100));
            fromA.get(60, TimeUnit.SECONDS);
            fromB.get(60, TimeUnit.SECONDS);
            List<String> seenOnA = positioned(onA, 200);
            List<String> seenOnB = positioned(onB, 200);
            assertEquals(seenOnA, seenOnB, "one order, one position per broadcast, on both nodes");
            String epoch = seenOnA.get(0).split(" ")[0];
            for (int i = 0; i < 200; i++) {
                assertTrue(seenOnA.get(i).startsWith(epoch + " " + (i + 1) + " "), "offsets 1..200 under one epoch: " + seenOnA.get(i));
            }
        }
    }

    @Test
    @Order(2)
    void aClientWhoseNodeIsKilledIsRestoredOnTheOtherAndGetsWhatItMissedOnceInOrder() throws Exception {
        String room = CableClient.chat("killed");
        NodeProcess a = node("positions-a");
        NodeProcess b = node("positions-b");
        String sid;
        JsonObject last;
        try (CableClient onA = ext(a, "carol")) {
            sid = onA.nextJson().getString("sid");
            onA.subscribeConfirmed(room);
            broadcast(b, "chat_killed", "n", 0, 10);
            List<JsonObject> before = frames(onA, 10);
            assertEquals(9, before.get(9).getJsonObject("message").getInt("n"));
            last = before.get(9);
            a.kill(); // no close frame, no session saved at close: what the broker holds is all there is
            nodes.remove("positions-a");
        }
        // Broadcasts go on while the client is away and while it comes back.
        CompletableFuture<Void> meanwhile = CompletableFuture.runAsync(() -> {
            for (int n = 10; n < 60; n++) {
                broadcast(b, "chat_killed", "n", n, n + 1);
                sleep(20);
            }
        });
        sleep(300);
        try (CableClient onB = CableClient.connect(restoring(b, sid), Map.of(), List.of(EXT))) {
            JsonObject welcome = onB.nextJson();
            assertTrue(welcome.getBoolean("restored", false), "restored on the other node, without a token: " + welcome);
            assertEquals(Json.createArrayBuilder().add(room).build(), welcome.getJsonArray("restored_ids"));
            onB.send(Json.createObjectBuilder().add("command", "history").add("identifier", room)
                    .add("history", Json.createObjectBuilder().add("streams", Json.createObjectBuilder().add("chat_killed",
                            Json.createObjectBuilder().add("epoch", last.getString("epoch")).add("offset", last.getInt("offset")))))
                    .build().toString());
            meanwhile.get(60, TimeUnit.SECONDS);
            List<Integer> got = new ArrayList<>();
            boolean confirmed = false;
            while (got.size() < 50) {
                JsonObject frame = onB.nextJson();
                if ("confirm_history".equals(frame.getString("type", null))) {
                    confirmed = true;
                    continue;
                }
                assertTrue(frame.containsKey("message"), frame.toString());
                got.add(frame.getJsonObject("message").getInt("n"));
            }
            assertTrue(confirmed, "the history was answered in full");
            assertEquals(java.util.stream.IntStream.range(10, 60).boxed().toList(), got, "every missed broadcast once, in order");
            onB.expectNothing(Duration.ofMillis(300));
            // Still carol: her chat line is hers.
            onB.sendMessage(room, "{\"message\":\"back\"}");
            assertEquals("carol", onB.nextJson().getJsonObject("message").getString("current_user_id"));
        }
        try (CableClient again = CableClient.connect(restoring(b, sid), Map.of(), List.of(EXT))) {
            assertEquals("{\"type\":\"disconnect\",\"reason\":\"unauthorized\",\"reconnect\":false}", again.next(),
                    "a session is restored once, cluster-wide");
        }
    }

    @Test
    @Order(3)
    void aNodeStartedAfterTheBroadcastsAnswersOnlyForWhatItSaw() throws Exception {
        String room = CableClient.chat("late");
        NodeProcess b = node("positions-b");
        JsonObject third;
        try (CableClient onB = ext(b, "dave")) {
            onB.subscribeConfirmed(room);
            broadcast(b, "chat_late", "n", 0, 5);
            List<JsonObject> five = frames(onB, 5);
            assertEquals(List.of(1, 2, 3, 4, 5), five.stream().map(frame -> frame.getInt("offset")).toList(), five::toString);
            third = five.get(2);
        }
        NodeProcess late = start("positions-c");
        try (CableClient onLate = ext(late, "erin")) {
            onLate.subscribeConfirmed(room);
            broadcast(b, "chat_late", "n", 5, 7);
            List<JsonObject> live = frames(onLate, 2);
            assertEquals(third.getString("epoch"), live.get(0).getString("epoch"), "the late node uses its peers' positions");
            int first = live.get(0).getInt("offset"); // after the five, and dave's "left"
            assertTrue(first > 5, live::toString);
            onLate.send(history(room, "chat_late", third.getString("epoch"), first - 2));
            assertEquals("reject_history", onLate.nextJson().getString("type"), "what came before this node is refused");
            onLate.send(history(room, "chat_late", third.getString("epoch"), first - 1));
            List<JsonObject> replay = frames(onLate, 2);
            assertEquals(List.of(5, 6), replay.stream().map(frame -> frame.getJsonObject("message").getInt("n")).toList());
            assertEquals("confirm_history", onLate.nextJson().getString("type"));
        }
    }

    @Test
    @Order(4)
    void afterABrokerCrashPositionsBeginAgainUnderANewEpochAndTheOldOneIsRefused() throws Exception {
        String room = CableClient.chat("crash");
        NodeProcess b = node("positions-b");
        NodeProcess c = node("positions-c");
        try (CableClient onB = ext(b, "frank"); CableClient onC = ext(c, "gina")) {
            onB.subscribeConfirmed(room);
            onC.subscribeConfirmed(room);
            broadcast(b, "chat_crash", "n", 0, 3);
            JsonObject before = frames(onB, 3).get(2);
            frames(onC, 3);
            broker.kill();
            broker.startAgain();
            awaitConnected(b);
            awaitConnected(c);
            broadcast(c, "chat_crash", "n", 3, 4);
            JsonObject afterOnB = frames(onB, 1).get(0);
            JsonObject afterOnC = frames(onC, 1).get(0);
            assertEquals(afterOnB.getString("epoch"), afterOnC.getString("epoch"), () -> before + "\n" + afterOnB + "\n" + afterOnC);
            assertEquals(afterOnB.getInt("offset"), afterOnC.getInt("offset"));
            assertTrue(!afterOnB.getString("epoch").equals(before.getString("epoch")), "a new sequencer, a new epoch");
            onB.send(history(room, "chat_crash", before.getString("epoch"), 2));
            assertEquals("reject_history", onB.nextJson().getString("type"), "never a history across the crash");
        }
    }

    /** The cable URI without a token, with {@code ?sid=}. */
    private static URI restoring(NodeProcess node, String sid) {
        return URI.create(node.cable("nobody").toString().replaceFirst("\\?.*", "") + "?sid=" + sid);
    }

    @Test
    @Order(5)
    void aNodeThatStopsHearingTheClusterSaysSoWhileItsPeersStayHealthy() {
        NodeProcess b = node("positions-b");
        NodeProcess c = node("positions-c");
        await().atMost(Duration.ofSeconds(10)).until(() -> b.probe().state("clusterNodesHeard") == 2);
        String deafNode = c.probe().state().getString("clusterNode");
        broker.pauseSubscriptionsOf("jcable", deafNode, true); // its listening side only: it still publishes
        try {
            await().atMost(Duration.ofSeconds(15)).until(() -> health(c) == 503);
            assertTrue(c.probe().cluster().startsWith("deaf publishing=up listening=up sequencing=up hearing=no"), c.probe()::cluster);
            assertTrue(c.send(HttpRequest.newBuilder(c.http("_health")).build()).body().contains("\"hearing\":\"no\""));
            assertTrue(c.probe().jmx().toString().contains("deaf"), "the MXBean says why");
            assertEquals(200, health(b), "its peer hears itself and is healthy");
        } finally {
            broker.pauseSubscriptionsOf("jcable", deafNode, false);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> health(c) == 200);
    }

    private static int health(NodeProcess node) {
        return node.send(HttpRequest.newBuilder(node.http("_health")).build()).statusCode();
    }

    private static CableClient ext(NodeProcess node, String user) {
        return CableClient.connect(node.cable(user), Map.of(), List.of(EXT));
    }

    private static void broadcast(NodeProcess node, String stream, String label, int count) {
        for (int i = 0; i < count; i++) {
            node.probe().broadcast(stream, "{\"" + label + "\":" + i + "}");
        }
    }

    /** Broadcasts {@code {"<label>":from}} .. {@code {"<label>":until-1}}. */
    private static void broadcast(NodeProcess node, String stream, String label, int from, int until) {
        for (int n = from; n < until; n++) {
            node.probe().broadcast(stream, "{\"" + label + "\":" + n + "}");
        }
    }

    /** The next {@code count} data frames, welcome and confirmations skipped. */
    private static List<JsonObject> frames(CableClient client, int count) {
        List<JsonObject> frames = new ArrayList<>();
        while (frames.size() < count) {
            JsonObject frame = client.nextJson();
            if (frame.containsKey("message") && !frame.containsKey("type")) {
                frames.add(frame);
            }
        }
        return frames;
    }

    /** "epoch offset message" of the next {@code count} data frames. */
    private static List<String> positioned(CableClient client, int count) {
        return frames(client, count).stream()
                .map(frame -> frame.getString("epoch") + " " + frame.getInt("offset") + " " + frame.get("message")).toList();
    }

    private static String history(String identifier, String stream, String epoch, long offset) {
        return Json.createObjectBuilder().add("command", "history").add("identifier", identifier)
                .add("history", Json.createObjectBuilder().add("streams", Json.createObjectBuilder().add(stream,
                        Json.createObjectBuilder().add("epoch", epoch).add("offset", offset)))).build().toString();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
