package io.jcable.suite;

import static io.jcable.testing.CableClient.chat;
import static io.jcable.testing.CableClient.message;
import static io.jcable.testing.CableClient.rejection;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jcable.internal.protocol.JsonText;
import io.jcable.internal.server.probe.ProbeChannel;
import io.jcable.testing.CableClient;
import io.jcable.testing.CableTarget;
import io.jcable.testing.Probe;
import io.jcable.testing.StalledClient;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input: each case gets no answer (as with Rails), one clear log line without a stack trace,
 * keeps the connection usable and leaves other connections untouched. Failures of application
 * code are logged with their stack trace and break nothing either.
 */
public abstract class BadInputSuite {

    private static final Duration QUIET = Duration.ofMillis(250);
    private static final String ROOM = chat("bad");
    private static final String PROBE = "{\"channel\":\"ProbeChannel\",\"mode\":\"bad\"}";
    /** The demo application under test. */
    protected abstract CableTarget target();
    private CableClient alice;
    private CableClient bob;

    @BeforeEach
    void connect() {
        alice = target().connect("alice");
        bob = target().connect("bob");
        alice.subscribeConfirmed(ROOM);
        alice.subscribeConfirmed(PROBE);
        bob.subscribeConfirmed(ROOM);
    }

    @AfterEach
    void disconnect() {
        alice.close();
        bob.close();
    }

    static Stream<Arguments> clientMistakes() {
        String unknown = chat("never-subscribed");
        return Stream.of(
                mistake("not JSON", "hello", "frame is not JSON"),
                mistake("JSON that is not an object", "[1,2,3]", "frame is not a JSON object"),
                mistake("an unknown command", "{\"command\":\"dance\",\"identifier\":\"x\"}", "unknown command \"dance\""),
                mistake("no command", "{\"identifier\":" + quote(ROOM) + "}", "frame has no command"),
                mistake("message on an unknown identifier", messageFrame(unknown, "{\"message\":\"x\"}"), "no subscription"),
                mistake("unsubscribe on an unknown identifier", "{\"command\":\"unsubscribe\",\"identifier\":" + quote(unknown)
                        + "}", "no subscription"),
                mistake("an identifier that is not JSON", CableClient.subscribeCommand("{channel"), "identifier is not JSON"),
                mistake("an identifier that is not an object", CableClient.subscribeCommand("[\"ChatChannel\"]"),
                        "identifier is not a JSON object"),
                mistake("an identifier without channel", CableClient.subscribeCommand("{\"room\":\"1\"}"),
                        "identifier has no channel"),
                mistake("an identifier that is an object, not a string",
                        "{\"command\":\"subscribe\",\"identifier\":{\"channel\":\"ChatChannel\",\"room\":\"1\"}}",
                        "identifier is not a string"),
                mistake("data missing", "{\"command\":\"message\",\"identifier\":" + quote(ROOM) + "}", "message has no data"),
                mistake("data that is not JSON", messageFrame(ROOM, "{message"), "data is not JSON"),
                mistake("data that is not an object", messageFrame(ROOM, "[\"message\"]"), "data is not a JSON object"),
                mistake("data that is an object, not a string", "{\"command\":\"message\",\"identifier\":" + quote(ROOM)
                        + ",\"data\":{\"message\":\"x\"}}", "data is not a string"),
                mistake("an unknown action", messageFrame(ROOM, "{\"action\":\"dance\"}"), "has no action \"dance\""),
                mistake("a callback called as an action", messageFrame(ROOM, "{\"action\":\"unsubscribed\"}"),
                        "has no action \"unsubscribed\""),
                mistake("data that does not fit the action's payload", messageFrame(PROBE,
                        "{\"action\":\"point\",\"x\":\"left\",\"y\":1}"), "does not fit Point"));
    }

    private static Arguments mistake(String name, String frame, String logged) {
        return Arguments.of(name, frame, logged);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("clientMistakes")
    void aClientMistakeIsIgnoredLoggedOnceAndBreaksNothing(String name, String frame, String logged) {
        Probe probe = clearedProbe();
        alice.send(frame);
        alice.expectNothing(QUIET);
        assertOneCleanLine(probe, logged);
        stillWorks();
    }

    @Test
    void aBinaryFrameIsIgnoredLoggedOnceAndBreaksNothing() {
        Probe probe = clearedProbe();
        alice.sendBinary(new byte[] {1, 2, 3});
        alice.expectNothing(QUIET);
        assertOneCleanLine(probe, "binary frame of 3 bytes");
        stillWorks();
    }

    @Test
    void anActionThatThrowsIsLoggedWithItsStackTraceAndBreaksNothing() {
        Probe probe = clearedProbe();
        alice.sendMessage(PROBE, "{\"action\":\"boom\"}");
        alice.expectNothing(QUIET);
        Probe.Line line = onlyLine(probe);
        assertError(line);
        assertTrue(line.message().contains("ProbeChannel#boom() threw"), line::toString);
        assertEquals(IllegalArgumentException.class.getName(), line.cause(), "logged with the exception and its cause");
        stillWorks();
    }

    @Test
    void aSubscribedCallbackThatThrowsRejectsAndLeavesNoBean() {
        Probe probe = clearedProbe();
        int live = probe.state("liveChannelBeans");
        String failing = "{\"channel\":\"ProbeChannel\",\"mode\":\"throw\"}";
        alice.subscribe(failing);
        assertEquals(rejection(failing), alice.next());
        Probe.Line line = onlyLine(probe);
        assertError(line);
        assertEquals(IllegalStateException.class.getName(), line.cause(), line::toString);
        assertEquals(live, probe.state("liveChannelBeans"));
        stillWorks();
    }

    @Test
    void anUnsubscribedCallbackThatThrowsStillEndsTheSubscription() {
        String failing = "{\"channel\":\"ProbeChannel\",\"mode\":\"throw-on-leave\"}";
        alice.subscribeConfirmed(failing);
        Probe probe = clearedProbe();
        int live = probe.state("liveChannelBeans");
        alice.unsubscribe(failing);
        alice.expectNothing(QUIET);
        assertError(onlyLine(probe));
        assertEquals(live - 1, probe.state("liveChannelBeans"));
        stillWorks();
    }

    @Test
    void anOversizedFrameClosesThatConnectionOnlyWith1009() {
        Probe probe = clearedProbe();
        char[] big = new char[3 * 1024 * 1024];
        Arrays.fill(big, 'x');
        try {
            alice.sendMessage(ROOM, "{\"message\":\"" + new String(big) + "\"}");
        } catch (RuntimeException e) {
            // the server may close before the client has written it all
        }
        assertEquals(1009, alice.awaitClose().code());
        await().atMost(Duration.ofSeconds(5)).until(() -> probe.log().stream().anyMatch(l -> l.message().contains("1009")));
        assertTrue(probe.log().stream().allMatch(l -> l.thrown().isEmpty()), probe.log()::toString);
        // Closing alice's connection ended her subscription: the room hears that she left.
        assertEquals(message(ROOM, "{\"user\":\"alice\",\"performed\":\"left\"}"), bob.next());
        bob.sendMessage(ROOM, "{\"message\":\"bob is fine\"}");
        assertEquals(message(ROOM, "{\"message\":\"bob is fine\",\"current_user_id\":\"bob\"}"), bob.next());
        try (CableClient again = target().connect("alice")) {
            again.subscribeConfirmed(ROOM);
        }
    }

    @Test
    void aSingleFrameOverTheLimitClosesWith1009BeforeItIsRead() {
        try (StalledClient raw = StalledClient.connect(target().cable("mallory"))) {
            raw.send(CableClient.subscribeCommand(ROOM));
            raw.send("{\"command\":\"message\",\"identifier\":" + quote(ROOM) + ",\"data\":\"" + "x".repeat(3 << 20) + "\"}");
            assertEquals(1009, raw.awaitCloseCode());
        }
        String left = message(ROOM, "{\"user\":\"mallory\",\"performed\":\"left\"}");
        assertEquals(left, bob.next(), "the frames before the big one were carried out");
        assertEquals(left, alice.next());
        stillWorks();
    }

    @Test
    void aOneMebibyteFrameIsAcceptedAndBroadcastIntact() {
        // BenchmarkChannel broadcasts whatever it gets (ChatChannel refuses lines over 1000 characters).
        String benchmark = "{\"channel\":\"BenchmarkChannel\"}";
        String data = "{\"action\":\"broadcast\",\"payload\":\"" + "y".repeat(1 << 20) + "\"}";
        bob.subscribeConfirmed(benchmark);
        try (StalledClient raw = StalledClient.connect(target().cable("big"))) {
            raw.send(CableClient.subscribeCommand(benchmark));
            raw.send(messageFrame(benchmark, data));
            assertEquals(message(benchmark, data), bob.next());
        }
    }

    @Test
    void aLoneSurrogateInAMessageReachesEveryoneEscapedAndDeafensNobody() {
        alice.sendMessage(ROOM, "{\"message\":\"half \\ud800 a pair\"}");
        String escaped = message(ROOM, "{\"message\":\"half \\ud800 a pair\",\"current_user_id\":\"alice\"}");
        assertEquals(escaped, alice.next());
        assertEquals(escaped, bob.next());
        stillWorks();
    }

    @Test
    void aBarrageOfMistakesLeaksNoThreadSubscriptionOrBean() {
        alice.close();
        bob.close();
        Probe probe = target().probe();
        probe.awaitIdle();
        int threads = probe.state("nonWorkerThreads");
        int jcableThreads = probe.state("jcableThreads");
        for (int round = 0; round < 5; round++) {
            try (CableClient client = target().connect("mallory")) {
                client.subscribeConfirmed(ROOM);
                client.subscribeConfirmed(PROBE);
                clientMistakes().forEach(mistake -> client.send((String) mistake.get()[1]));
                client.sendBinary(new byte[] {0});
                client.sendMessage(PROBE, "{\"action\":\"boom\"}");
                client.subscribe("{\"channel\":\"ProbeChannel\",\"mode\":\"throw\"}");
                client.sendMessage(ROOM, "{\"message\":\"done\"}");
                String done = message(ROOM, "{\"message\":\"done\",\"current_user_id\":\"mallory\"}");
                for (String frame = client.next(); !frame.equals(done); frame = client.next()) {
                    assertTrue(frame.contains("reject_subscription"), "unexpected " + frame);
                }
            }
        }
        probe.awaitIdle();
        await().atMost(Duration.ofSeconds(5)).until(() -> probe.state("liveChannelBeans") == 0);
        assertEquals(jcableThreads, probe.state("jcableThreads"), "JCable's threads");
        // 5 rounds of 20 bad frames: a thread per frame or per round would show above this margin.
        int after = probe.state("nonWorkerThreads");
        assertTrue(after <= threads + 4, "server threads but its request workers: " + threads + " before, " + after + " after");
    }

    private void stillWorks() {
        alice.assertOpen();
        alice.sendMessage(ROOM, "{\"message\":\"still here\"}");
        String said = message(ROOM, "{\"message\":\"still here\",\"current_user_id\":\"alice\"}");
        assertEquals(said, alice.next());
        assertEquals(said, bob.next());
        bob.expectNothing(Duration.ofMillis(50));
    }

    private Probe clearedProbe() {
        Probe probe = target().probe();
        probe.clearLog();
        return probe;
    }

    private static void assertOneCleanLine(Probe probe, String expected) {
        Probe.Line line = onlyLine(probe);
        assertTrue(line.message().contains(expected), line::toString);
        assertTrue(line.message().contains("connection "), "names the connection: " + line);
        assertEquals("", line.thrown(), "no stack trace for a client's mistake: " + line);
    }

    private static void assertError(Probe.Line line) {
        assertTrue(line.level().equals("SEVERE") || line.level().equals("ERROR"), line::toString);
        assertTrue(!line.thrown().isEmpty(), "an application's failure is logged with its exception: " + line);
    }

    /** The one line JCable's own code logged (the demo application's lines are left out). */
    private static Probe.Line onlyLine(Probe probe) {
        await().atMost(Duration.ofSeconds(2)).until(() -> !jcableLines(probe).isEmpty());
        List<Probe.Line> lines = jcableLines(probe);
        assertEquals(1, lines.size(), lines::toString);
        return lines.get(0);
    }

    private static List<Probe.Line> jcableLines(Probe probe) {
        return probe.log().stream().filter(line -> !line.logger().startsWith("io.jcable.demo")).toList();
    }

    private static String quote(String text) {
        return JsonText.quote(text);
    }

    private static String messageFrame(String identifier, String data) {
        return "{\"command\":\"message\",\"identifier\":" + quote(identifier) + ",\"data\":" + quote(data) + "}";
    }
}
