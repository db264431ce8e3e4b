package io.jcable.server;

import io.jcable.server.probe.ProbeChannel;
import io.jcable.server.probe.ProbeLog;
import static io.jcable.testing.CableClient.chat;
import static io.jcable.testing.CableClient.message;
import static io.jcable.testing.CableClient.rejection;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jcable.testing.CableClient;
import io.jcable.testing.DemoServer;
import io.jcable.testing.LogCapture;
import io.jcable.testing.StalledClient;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input: each case gets no answer (as with Rails), one clear log line without a stack trace,
 * keeps the connection usable and leaves other connections untouched. Failures of application
 * code are logged with their stack trace and break nothing either.
 */
class BadInputIT {

    private static final Duration QUIET = Duration.ofMillis(250);
    private static final String ROOM = chat("bad");
    private static final String PROBE = "{\"channel\":\"ProbeChannel\",\"mode\":\"bad\"}";
    @RegisterExtension
    static final DemoServer demo = DemoServer.perClass();
    private CableClient alice;
    private CableClient bob;

    @BeforeEach
    void connect() {
        alice = demo.connect("alice");
        bob = demo.connect("bob");
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
        try (LogCapture log = LogCapture.start()) {
            alice.send(frame);
            alice.expectNothing(QUIET);
            assertOneCleanLine(log, logged);
        }
        stillWorks();
    }

    @Test
    void aBinaryFrameIsIgnoredLoggedOnceAndBreaksNothing() {
        try (LogCapture log = LogCapture.start()) {
            alice.sendBinary(new byte[] {1, 2, 3});
            alice.expectNothing(QUIET);
            assertOneCleanLine(log, "binary frame of 3 bytes");
        }
        stillWorks();
    }

    @Test
    void anActionThatThrowsIsLoggedWithItsStackTraceAndBreaksNothing() {
        try (LogCapture log = LogCapture.start()) {
            alice.sendMessage(PROBE, "{\"action\":\"boom\"}");
            alice.expectNothing(QUIET);
            LogRecord record = onlyRecord(log);
            assertEquals(Level.SEVERE, record.getLevel());
            assertTrue(LogCapture.format(record).contains("ProbeChannel#boom() threw"), LogCapture.format(record));
            assertInstanceOf(IllegalArgumentException.class, record.getThrown().getCause());
        }
        stillWorks();
    }

    @Test
    void aSubscribedCallbackThatThrowsRejectsAndLeavesNoBean() {
        ProbeLog beans = demo.bean(ProbeLog.class);
        int live = beans.live();
        String failing = "{\"channel\":\"ProbeChannel\",\"mode\":\"throw\"}";
        try (LogCapture log = LogCapture.start()) {
            alice.subscribe(failing);
            assertEquals(rejection(failing), alice.next());
            LogRecord record = onlyRecord(log);
            assertEquals(Level.SEVERE, record.getLevel());
            assertInstanceOf(IllegalStateException.class, record.getThrown().getCause());
        }
        assertEquals(live, beans.live());
        stillWorks();
    }

    @Test
    void anUnsubscribedCallbackThatThrowsStillEndsTheSubscription() {
        ProbeLog beans = demo.bean(ProbeLog.class);
        String failing = "{\"channel\":\"ProbeChannel\",\"mode\":\"throw-on-leave\"}";
        alice.subscribeConfirmed(failing);
        int live = beans.live();
        try (LogCapture log = LogCapture.start()) {
            alice.unsubscribe(failing);
            alice.expectNothing(QUIET);
            assertEquals(Level.SEVERE, onlyRecord(log).getLevel());
        }
        assertEquals(live - 1, beans.live());
        stillWorks();
    }

    @Test
    void anOversizedFrameClosesThatConnectionOnlyWith1009() {
        try (LogCapture log = LogCapture.start()) {
            char[] big = new char[3 * 1024 * 1024];
            Arrays.fill(big, 'x');
            try {
                alice.sendMessage(ROOM, "{\"message\":\"" + new String(big) + "\"}");
            } catch (RuntimeException e) {
                // the server may close before the client has written it all
            }
            assertEquals(1009, alice.awaitClose().code());
            await().atMost(Duration.ofSeconds(5)).until(() -> log.lines().stream().anyMatch(l -> l.contains("1009")));
            assertTrue(log.records().stream().allMatch(r -> r.getThrown() == null), log.lines()::toString);
        }
        // Closing alice's connection ended her subscription: the room hears that she left.
        assertEquals(message(ROOM, "{\"user\":\"alice\",\"performed\":\"left\"}"), bob.next());
        bob.sendMessage(ROOM, "{\"message\":\"bob is fine\"}");
        assertEquals(message(ROOM, "{\"message\":\"bob is fine\",\"current_user_id\":\"bob\"}"), bob.next());
        try (CableClient again = demo.connect("alice")) {
            again.subscribeConfirmed(ROOM);
        }
    }

    @Test
    void aSingleFrameOverTheLimitClosesWith1009BeforeItIsRead() {
        try (StalledClient raw = StalledClient.connect(demo.cable("mallory"))) {
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
        String text = "y".repeat(1 << 20);
        try (StalledClient raw = StalledClient.connect(demo.cable("big"))) {
            raw.send(CableClient.subscribeCommand(ROOM));
            raw.send(messageFrame(ROOM, "{\"message\":\"" + text + "\"}"));
            assertEquals(message(ROOM, "{\"message\":\"" + text + "\",\"current_user_id\":\"big\"}"), bob.next());
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
        demo.awaitIdle();
        ProbeLog beans = demo.bean(ProbeLog.class);
        int threads = serverThreads();
        for (int round = 0; round < 5; round++) {
            try (CableClient client = demo.connect("mallory")) {
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
        demo.awaitIdle();
        await().atMost(Duration.ofSeconds(5)).until(() -> beans.live() == 0);
        assertTrue(serverThreads() <= threads + 2, "server threads: " + threads + " before, " + serverThreads() + " after");
    }

    /** Threads of the server side: JCable's, Grizzly's, Tyrus', Weld's. */
    private static int serverThreads() {
        return (int) Arrays.stream(ManagementFactory.getThreadMXBean().dumpAllThreads(false, false))
                .map(info -> info.getThreadName().toLowerCase())
                .filter(n -> n.startsWith("jcable-") || n.contains("grizzly") || n.contains("tyrus") || n.contains("weld"))
                .count();
    }

    private void stillWorks() {
        alice.assertOpen();
        alice.sendMessage(ROOM, "{\"message\":\"still here\"}");
        String said = message(ROOM, "{\"message\":\"still here\",\"current_user_id\":\"alice\"}");
        assertEquals(said, alice.next());
        assertEquals(said, bob.next());
        bob.expectNothing(Duration.ofMillis(50));
    }

    private static void assertOneCleanLine(LogCapture log, String expected) {
        LogRecord record = onlyRecord(log);
        String line = LogCapture.format(record);
        assertTrue(line.contains(expected), line);
        assertTrue(line.contains("connection "), "names the connection: " + line);
        assertNull(record.getThrown(), "no stack trace for a client's mistake: " + line);
    }

    private static LogRecord onlyRecord(LogCapture log) {
        await().atMost(Duration.ofSeconds(2)).until(() -> !log.records().isEmpty());
        List<LogRecord> records = log.records();
        assertEquals(1, records.size(), () -> log.lines().toString());
        return records.get(0);
    }

    private static String quote(String text) {
        return io.jcable.protocol.JsonText.quote(text);
    }

    private static String messageFrame(String identifier, String data) {
        return "{\"command\":\"message\",\"identifier\":" + quote(identifier) + ",\"data\":" + quote(data) + "}";
    }
}
