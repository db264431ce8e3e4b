package io.jcable.internal.cluster;

import static io.jcable.testing.CableClient.message;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jcable.testing.CableClient;
import io.jcable.testing.NodeProcess;
import io.jcable.testing.TestBroker;
import jakarta.json.Json;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Whispers and presence across a cluster of two standalone nodes and a real Artemis broker (presence
 * TTL 2 s): a whisper reaches the room's subscribers on the other node and never the sender; presence
 * is one view, merged by id across nodes; a node started later learns who is there; a killed node's
 * people leave everywhere within the detection bound plus the TTL.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterPresenceIT {

    private static final Duration QUIET = Duration.ofMillis(300);
    private static final String ROOM = CableClient.chat("everyone");

    private static TestBroker broker;
    private static NodeProcess a;
    private static NodeProcess b;
    private static NodeProcess late;
    private static Map<String, String> env;

    @BeforeAll
    static void aBrokerAndTwoNodes() throws Exception {
        broker = TestBroker.start();
        env = Map.of("JCABLE_CLUSTER_URL", broker.url(), "CABLE_PRESENCE_TTL", "2");
        a = NodeProcess.start("presence-a", env);
        b = NodeProcess.start("presence-b", env);
        for (NodeProcess node : List.of(a, b)) {
            awaitHealthy(node);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        for (AutoCloseable closeable : new AutoCloseable[] {a, b, late, broker}) {
            if (closeable != null) {
                closeable.close();
            }
        }
    }

    @Test
    @Order(1)
    void aWhisperReachesTheRoomOnTheOtherNodeAndNeverTheSender() {
        String room = CableClient.chat("whispers");
        try (CableClient alice = a.connect("alice"); CableClient bob = b.connect("bob"); CableClient carol = a.connect("carol")) {
            for (CableClient client : List.of(alice, bob, carol)) {
                client.subscribeConfirmed(room);
            }
            alice.send(command("whisper", room, "data", "{\"typing\":\"alice\"}"));
            assertEquals(message(room, "{\"typing\":\"alice\"}"), bob.next(), "across the cluster");
            assertEquals(message(room, "{\"typing\":\"alice\"}"), carol.next());
            alice.expectNothing(QUIET);
        }
    }

    @Test
    @Order(2)
    void presenceIsOneViewMergedByIdAcrossNodes() {
        String room = CableClient.chat("merged");
        try (CableClient aliceOnA = a.connect("alice"); CableClient aliceOnB = b.connect("alice"); CableClient bob = b.connect("bob")) {
            for (CableClient client : List.of(aliceOnA, aliceOnB, bob)) {
                client.subscribeConfirmed(room);
            }
            aliceOnA.send(command("join", room, "presence", "{\"id\":\"alice\",\"info\":{\"name\":\"Alice\"}}"));
            String joined = presence(room, "{\"type\":\"join\",\"id\":\"alice\",\"info\":{\"name\":\"Alice\"}}");
            assertEquals(joined, aliceOnA.next());
            assertEquals(joined, bob.next(), "a person on node A appears on node B");
            assertEquals(joined, aliceOnB.next());
            aliceOnB.send(command("join", room, "presence", "{\"id\":\"alice\",\"info\":{\"name\":\"Alice\"}}"));
            bob.expectNothing(QUIET); // the same person on another node: one record
            bob.send(command("join", room, "presence", "{\"id\":\"bob\",\"info\":null}"));
            assertEquals(presence(room, "{\"type\":\"join\",\"id\":\"bob\",\"info\":null}"), aliceOnA.next());
            aliceOnB.next();
            bob.next();
            String info = presence(room, "{\"type\":\"info\",\"total\":2,\"records\":[{\"id\":\"alice\",\"info\":{\"name\":\"Alice\"}},"
                    + "{\"id\":\"bob\",\"info\":null}]}");
            aliceOnA.send("{\"command\":\"presence\",\"identifier\":" + Json.createValue(room) + "}");
            assertEquals(info, aliceOnA.next(), "node A's view");
            bob.send("{\"command\":\"presence\",\"identifier\":" + Json.createValue(room) + "}");
            assertEquals(info, bob.next(), "node B's view");
            aliceOnA.send(command("leave", room, "presence", "{\"id\":\"alice\"}"));
            bob.expectNothing(QUIET); // still held on B
            aliceOnB.unsubscribe(room);
            assertEquals(presence(room, "{\"type\":\"leave\",\"id\":\"alice\"}"), bob.next(), "left with its last holder, on B");
            assertEquals(presence(room, "{\"type\":\"leave\",\"id\":\"alice\"}"), aliceOnA.next(), "and on A");
        }
    }

    @Test
    @Order(3)
    void aNodeStartedLaterLearnsWhoIsThereAndAKilledNodesPeopleLeaveEverywhere() throws Exception {
        CableClient onA = a.connect("alice");
        onA.subscribeConfirmed(ROOM);
        onA.send(command("join", ROOM, "presence", "{\"id\":\"alice\",\"info\":{\"on\":\"A\"}}"));
        onA.next();
        late = NodeProcess.start("presence-late", env);
        awaitHealthy(late);
        try (CableClient onLate = late.connect("carol"); CableClient onB = b.connect("bob")) {
            onLate.subscribeConfirmed(ROOM);
            onB.subscribeConfirmed(ROOM);
            onLate.send("{\"command\":\"presence\",\"identifier\":" + Json.createValue(ROOM) + "}");
            assertEquals(presence(ROOM, "{\"type\":\"info\",\"total\":1,\"records\":[{\"id\":\"alice\",\"info\":{\"on\":\"A\"}}]}"),
                    onLate.next(), "the late node learnt who is there from the broker");

            long killed = System.nanoTime();
            a.kill();
            a = null;
            String left = presence(ROOM, "{\"type\":\"leave\",\"id\":\"alice\"}");
            assertEquals(left, onB.next(Duration.ofSeconds(15)));
            assertEquals(left, onLate.next(Duration.ofSeconds(3)));
            long seconds = Duration.ofNanos(System.nanoTime() - killed).toSeconds();
            assertTrue(seconds <= 5 + 2 + 2, "within the detection bound (5 s) plus the TTL (2 s): " + seconds + " s");
        } finally {
            onA.close();
        }
    }

    private static void awaitHealthy(NodeProcess node) {
        await().atMost(Duration.ofSeconds(30)).until(() ->
                node.send(HttpRequest.newBuilder(node.http("_health")).build()).statusCode() == 200);
    }

    private static String command(String command, String identifier, String member, String json) {
        return "{\"command\":\"" + command + "\",\"identifier\":" + Json.createValue(identifier) + ","
                + "\"" + member + "\":" + json + "}";
    }

    private static String presence(String identifier, String messageJson) {
        return "{\"type\":\"presence\",\"identifier\":" + Json.createValue(identifier) + ",\"message\":" + messageJson + "}";
    }
}
