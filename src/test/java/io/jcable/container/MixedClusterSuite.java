package io.jcable.container;

import static io.jcable.testing.CableClient.message;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jcable.testing.CableClient;
import io.jcable.testing.CableTarget;
import io.jcable.testing.NodeProcess;
import io.jcable.testing.Probe;
import io.jcable.testing.TestBroker;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A mixed cluster: the demo WAR on an application server and a standalone node in a JVM of its own,
 * on one real Artemis broker (in a JVM of its own). Broadcasts cross both ways once and in order, whether a
 * bean, the HTTP API or a committed transaction made them; a rolled-back transaction reaches no node;
 * a disconnect fired on either node closes the user's connections on both. A subclass per server
 * configures it (its connection factory, or JCable's own client) and starts the broker first.
 */
abstract class MixedClusterSuite {

    /** Set by the subclass before its WAR deploys: the WAR's node must find it. */
    protected static TestBroker broker;
    private static NodeProcess standalone;

    @ArquillianResource
    URL base;

    private CableTarget server() {
        return Deployed.at(base);
    }

    @BeforeEach
    void bothNodesOnTheBroker() throws Exception {
        if (standalone == null) {
            standalone = NodeProcess.start("mixed-" + System.getProperty("jcable.runtime", "container"),
                    Map.of("JCABLE_CLUSTER_URL", broker.url()));
        }
        for (CableTarget node : List.of(server(), standalone)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> node.probe().cluster().startsWith("connected"));
        }
    }

    @AfterAll
    static void stopTheStandaloneNode() throws Exception {
        if (standalone != null) {
            standalone.close();
            standalone = null;
        }
    }

    /** One subscriber of a room on each node. */
    private record Subscribers(CableClient onServer, CableClient onStandalone) implements AutoCloseable {

        void bothReceive(String frame) {
            assertEquals(frame, onServer.next());
            assertEquals(frame, onStandalone.next());
        }

        @Override
        public void close() {
            onServer.close();
            onStandalone.close();
        }
    }

    private Subscribers subscribedOnBoth(String room) {
        Subscribers both = new Subscribers(server().connect("alice"), standalone.connect("bob"));
        both.onServer().subscribeConfirmed(room);
        both.onStandalone().subscribeConfirmed(room);
        return both;
    }

    @Test
    void aBroadcastOnEitherNodeReachesTheSubscribersOfBothOnce() {
        String room = CableClient.chat("mixed");
        try (Subscribers both = subscribedOnBoth(room)) {
            server().probe().broadcast("chat_mixed", "{\"from\":\"a bean on the server\"}");
            both.bothReceive(message(room, "{\"from\":\"a bean on the server\"}"));
            assertEquals(201, standalone.broadcast(httpBroadcast("HTTP on standalone")).statusCode());
            both.bothReceive(message(room, "{\"from\":\"HTTP on standalone\"}"));
            standalone.probe().broadcast("chat_mixed", "{\"from\":\"a bean on standalone\"}");
            both.bothReceive(message(room, "{\"from\":\"a bean on standalone\"}"));
            assertEquals(201, server().broadcast(httpBroadcast("HTTP on the server")).statusCode());
            both.bothReceive(message(room, "{\"from\":\"HTTP on the server\"}"));

            both.onServer().expectNothing(Duration.ofMillis(500)); // no echo, no second copy
            both.onStandalone().expectNothing(Duration.ofMillis(100));
        }
    }

    @Test
    void threeHundredBroadcastsCrossEachWayCompleteInOrderOnce() {
        try (Subscribers both = subscribedOnBoth(CableClient.chat("mixed-ordered"))) {
            assertArriveInOrder(server().probe(), both.onStandalone(), "from-server");
            assertArriveInOrder(standalone.probe(), both.onServer(), "from-standalone");
            both.onServer().expectNothing(Duration.ofMillis(300));
        }
    }

    private static void assertArriveInOrder(Probe sender, CableClient receiver, String key) {
        for (int i = 0; i < 300; i++) {
            sender.broadcast("chat_mixed-ordered", "{\"" + key + "\":" + i + "}");
        }
        Pattern number = Pattern.compile("\\{\"" + key + "\":(\\d+)}");
        List<Integer> seen = new ArrayList<>();
        while (seen.size() < 300) {
            String frame = receiver.next();
            Matcher n = number.matcher(frame);
            if (n.find()) { // the receiver's own node echoes the other direction's broadcasts too
                seen.add(Integer.parseInt(n.group(1)));
            }
        }
        for (int i = 0; i < 300; i++) {
            assertEquals(i, seen.get(i), "in order, each once");
        }
    }

    @Test
    void aCommittedTransactionReachesTheOtherNodeAfterTheCommitAndARolledBackOneNever() {
        String post = "mixed-tx";
        try (CableClient onStandalone = standalone.connect("reader")) {
            onStandalone.subscribeConfirmed("{\"channel\":\"CommentsChannel\",\"post_id\":\"" + post + "\"}");

            comment("ejb/" + post + "?rollback=true"); // the EJB marks it rollback-only and returns normally
            HttpResponse<String> failed = comment("rest/" + post + "?rollback=true");
            assertTrue(failed.statusCode() >= 400, "status " + failed.statusCode());
            onStandalone.expectNothing(Duration.ofMillis(1000));

            assertEquals(204, comment("ejb/" + post).statusCode());
            assertTrue(onStandalone.next().contains("\"via\":\"ejb\""));
            assertEquals(204, comment("rest/" + post).statusCode());
            assertTrue(onStandalone.next().contains("\"via\":\"rest\""));
            onStandalone.expectNothing(Duration.ofMillis(300));
        }
    }

    private HttpResponse<String> comment(String path) {
        return server().send(HttpRequest.newBuilder(server().http("api/comments/" + path))
                .POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    @Test
    void aDisconnectFiredOnEitherNodeClosesTheUsersConnectionsOnBoth() {
        assertDisconnectedEverywhere(server(), "carol");
        assertDisconnectedEverywhere(standalone, "dave");
    }

    private void assertDisconnectedEverywhere(CableTarget firedOn, String user) {
        String remote = "{\"type\":\"disconnect\",\"reason\":\"remote\",\"reconnect\":true}";
        try (CableClient onServer = server().connect(user); CableClient onStandalone = standalone.connect(user);
             CableClient bystander = server().connect("erin")) {
            firedOn.probe().disconnect("current_user_id", user, true);
            assertEquals(remote, onServer.next());
            assertEquals(remote, onStandalone.next());
            assertEquals(1000, onServer.awaitClose().code());
            assertEquals(1000, onStandalone.awaitClose().code());
            bystander.expectNothing(Duration.ofMillis(300));
            bystander.assertOpen();
        }
    }

    @Test
    void theServersBridgeRunsOnTwoThreadsAndCountsWhatCrossed() {
        Probe probe = server().probe();
        assertEquals(4, probe.state("jcableClusterThreads"), "a publisher, a listener, a sequencer and a watch thread");
        String state = probe.cluster();
        assertTrue(state.matches("connected.*published=\\d+.*unpublished=0.*delivered=\\d+.*skipped=0.*"), state);
    }

    private static String httpBroadcast(String from) {
        return "{\"stream\":\"chat_mixed\",\"data\":\"{\\\"from\\\":\\\"" + from + "\\\"}\"}";
    }
}
