package io.jcable.suite;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jcable.internal.protocol.JsonText;
import io.jcable.testing.CableClient;
import io.jcable.testing.CableTarget;
import io.jcable.testing.Probe;
import io.jcable.testing.StalledClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each limit of {@code io.jcable.config.Limits} just under, at and just over its value: under and
 * at it the client is served, over it the client gets the limit's answer, and nobody else notices.
 */
public abstract class LimitsSuite {

    private static final String REFUSED = "{\"type\":\"disconnect\",\"reason\":\"invalid_request\",\"reconnect\":true}";
    private static final Duration QUIET = Duration.ofMillis(300);

    /**
     * The demo with jcable.max-subscriptions=3, max-identifier-length=100, max-commands-per-second=10,
     * max-frame-size=1000.
     */
    protected abstract CableTarget strict();

    /** The demo with jcable.max-connections=3. */
    protected abstract CableTarget small();

    /** The demo with jcable.max-connections-per-address=2. */
    protected abstract CableTarget perAddress();

    /** A BenchmarkChannel identifier of exactly {@code length} characters. */
    private static String identifier(int length) {
        String head = "{\"channel\":\"BenchmarkChannel\",\"pad\":\"";
        return head + "x".repeat(length - head.length() - 2) + "\"}";
    }

    @Test
    void subscriptionsUpToTheLimitAreConfirmedAndTheNextIsRejected() {
        long rejectedBefore = strict().probe().jmx().getJsonNumber("SubscriptionsOverLimit").longValue();
        try (CableClient client = strict().connect("subscriber"); CableClient other = strict().connect("other")) {
            other.subscribeConfirmed(identifier(60));
            client.subscribeConfirmed(identifier(50)); // under
            client.subscribeConfirmed(identifier(51)); // under
            client.subscribeConfirmed(identifier(52)); // at the limit
            client.subscribe(identifier(53));          // over
            assertEquals(CableClient.rejection(identifier(53)), client.next());

            int subscriptions = subscriptions();
            client.unsubscribe(identifier(50));
            await().atMost(Duration.ofSeconds(10)).until(() -> subscriptions() == subscriptions - 1);
            client.subscribeConfirmed(identifier(53)); // at the limit again: a slot was freed
            client.assertOpen();
            other.assertOpen();
            other.expectNothing(QUIET);
        }
        assertEquals(rejectedBefore + 1, strict().probe().jmx().getJsonNumber("SubscriptionsOverLimit").longValue());
    }

    @Test
    void identifiersUpToTheLimitAreServedAndLongerOnesRejected() {
        try (CableClient client = strict().connect("long-names")) {
            client.subscribeConfirmed(identifier(99));  // under
            client.subscribeConfirmed(identifier(100)); // at the limit
            client.subscribe(identifier(101));          // over
            assertEquals(CableClient.rejection(identifier(101)), client.next());
            client.assertOpen();
        }
        assertTrue(strict().probe().log().stream().anyMatch(line -> line.message()
                .contains("identifier of 101 characters, over 100 (jcable.max-identifier-length)")));
    }

    @Test
    void framesUpToTheSizeLimitAreCarriedOutAndALargerOneClosesWith1009() {
        String identifier = identifier(60);
        try (CableClient client = strict().connect("big-frames"); CableClient other = strict().connect("other-frames")) {
            client.subscribeConfirmed(identifier);
            other.subscribeConfirmed(identifier);
            for (int size : new int[] {999, 1000}) { // under, at the limit
                client.send(echoOfSize(identifier, size));
                String echoed = client.next();
                assertTrue(echoed.contains("\"action\":\"echo\""), echoed);
            }
            client.send(echoOfSize(identifier, 1001)); // over
            assertEquals(1009, client.awaitClose().code());
            other.assertOpen();
            other.send(echoOfSize(identifier, 1000));
            assertTrue(other.next().contains("\"action\":\"echo\""));
        }
        assertTrue(strict().probe().log().stream().anyMatch(line -> line.message()
                .contains("a frame was over 1000 bytes (jcable.max-frame-size)")));
    }

    @Test
    void framesAtTheSizeLimitArrivingTogetherAreAllRead() {
        String identifier = identifier(60);
        try (StalledClient client = StalledClient.connect(strict().cable("together"))) {
            assertEquals("{\"type\":\"welcome\"}", client.nextText());
            client.send(CableClient.subscribeCommand(identifier));
            assertEquals(CableClient.confirmation(identifier), client.nextText());
            // Eight frames of 1000 bytes in one write: the server reads them in chunks bigger than one frame.
            client.sendTogether(Collections.nCopies(8, echoOfSize(identifier, 1000)));
            for (int i = 0; i < 8; i++) {
                assertTrue(client.nextText().contains("\"action\":\"echo\""));
            }
        }
    }

    /** A message command, {@code size} bytes long, whose data asks BenchmarkChannel for an echo. */
    private static String echoOfSize(String identifier, int size) {
        String head = "{\"command\":\"message\",\"identifier\":" + JsonText.quote(identifier)
                + ",\"data\":\"{\\\"action\\\":\\\"echo\\\",\\\"pad\\\":\\\"";
        String tail = "\\\"}\"}";
        String command = head + "x".repeat(size - head.length() - tail.length()) + tail;
        assertEquals(size, command.getBytes(StandardCharsets.UTF_8).length);
        return command;
    }

    @Test
    void commandsUpToTheRateAreCarriedOutAndAFloodIsDisconnected() {
        Probe probe = strict().probe();
        long floodsBefore = probe.jmx().getJsonNumber("CommandFloods").longValue();
        try (CableClient steady = strict().connect("steady"); CableClient flooding = strict().connect("flooding")) {
            steady.subscribeConfirmed(identifier(60));
            for (int burst : new int[] {9, 10}) { // under, at the limit: each after a second's refill
                waitForTheBudgetToRefill();
                sendCommands(flooding, burst);
                flooding.expectNothing(QUIET);
                flooding.assertOpen();
            }
            waitForTheBudgetToRefill();
            sendCommands(flooding, 11); // over
            assertEquals(REFUSED, flooding.next());
            CableClient.Close close = flooding.awaitClose();
            assertEquals(1008, close.code());
            assertEquals("over jcable.max-commands-per-second", close.reason());

            // The other client noticed nothing and is still served.
            steady.assertOpen();
            probe.broadcast("all", "{\"after\":\"flood\"}");
            assertTrue(steady.next().contains("\"after\":\"flood\""));
        }
        assertTrue(probe.log().stream().anyMatch(line -> line.message()
                .contains("disconnected: over 10 commands per second (jcable.max-commands-per-second)")));
        assertEquals(floodsBefore + 1, probe.jmx().getJsonNumber("CommandFloods").longValue());
    }

    /** {@code count} commands at once: unsubscribes of nothing, which change nothing but count all the same. */
    private static void sendCommands(CableClient client, int count) {
        for (int i = 0; i < count; i++) {
            client.unsubscribe(identifier(40));
        }
    }

    @Test
    void connectionsUpToTheServersLimitAreWelcomedAndTheNextIsToldToComeBack() {
        assertConnectionLimit(small(), 3, "server full");
    }

    @Test
    void connectionsUpToTheAddressLimitAreWelcomedAndTheNextIsToldToComeBack() {
        assertConnectionLimit(perAddress(), 2, "too many connections from this address");
    }

    private static void assertConnectionLimit(CableTarget target, int limit, String reason) {
        Probe probe = target.probe();
        await().atMost(Duration.ofSeconds(10)).until(() -> probe.state("admitted") == 0);
        List<CableClient> welcomed = new ArrayList<>();
        try {
            for (int i = 0; i < limit; i++) { // under, then at the limit
                welcomed.add(target.connect("user" + i));
            }
            try (CableClient refused = CableClient.connect(target.cable("one-too-many"))) {
                assertEquals(REFUSED, refused.next());
                CableClient.Close close = refused.awaitClose();
                assertEquals(1013, close.code());
                assertEquals(reason, close.reason());
            }
            welcomed.forEach(CableClient::assertOpen);
            assertEquals(1, probe.jmx().getJsonNumber("ConnectionsRefused").longValue());

            // A closed connection frees its place: the limit counts open sockets, not connections ever made.
            welcomed.remove(0).close();
            await().atMost(Duration.ofSeconds(10)).until(() -> probe.state("admitted") == limit - 1);
            welcomed.add(target.connect("comes-back"));
            assertEquals(limit, probe.state("admitted"));
        } finally {
            welcomed.forEach(CableClient::close);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> probe.state("admitted") == 0 && probe.state("addresses") == 0);
    }

    private int subscriptions() {
        return strict().probe().jmx().getJsonNumber("Subscriptions").intValue();
    }

    /** The budget is per second of the clock: nothing to wait on but the clock itself. */
    private static void waitForTheBudgetToRefill() {
        try {
            Thread.sleep(1100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
