package io.jcable.suite;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jcable.internal.protocol.HostileFrames;
import io.jcable.testing.CableClient;
import io.jcable.testing.CableTarget;
import io.jcable.testing.Probe;
import io.jcable.testing.StalledClient;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Generated and mutated frames, a 10 MB identifier, invalid UTF-8 and thousands of subscriptions,
 * each from one socket, while a bystander receives broadcasts: the bystander notices nothing, and
 * the hostile socket keeps working wherever the protocol lets it.
 */
public abstract class HostileFramesSuite {

    private static final String BENCHMARK = "{\"channel\":\"BenchmarkChannel\"}";
    private static final int FRAMES = 5_000;
    private static final int SUBSCRIPTIONS = 5_000;

    /** The demo with jcable.max-commands-per-second high enough for a barrage (the other limits at their defaults). */
    protected abstract CableTarget target();

    @Test
    void aBarrageOfGeneratedFramesLeavesTheSocketWorkingAndTheBystanderUntouched() {
        Probe probe = target().probe();
        probe.awaitIdle();
        JsonObject before = probe.state();
        List<String> frames = HostileFrames.any().sampleStream().limit(FRAMES)
                .map(frame -> new String(frame.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)) // sendable text
                .toList();
        try (CableClient bystander = target().connect("bystander"); CableClient hostile = target().connect("hostile")) {
            bystander.subscribeConfirmed(BENCHMARK);
            for (int i = 0; i < FRAMES; i++) {
                hostile.send(frames.get(i));
                if (i % 100 == 0) {
                    probe.broadcast("all", "{\"seq\":" + i / 100 + "}");
                }
            }
            for (int i = 0; i < FRAMES / 100; i++) {
                assertEquals(i, bystander.nextJson().getJsonObject("message").getInt("seq"));
            }
            hostile.assertOpen();
            String identifier = "{\"channel\":\"BenchmarkChannel\",\"after\":\"barrage\"}";
            hostile.subscribe(identifier);
            awaitFrame(hostile, CableClient.confirmation(identifier));
            probe.broadcast("all", "{\"seq\":\"last\"}");
            awaitFrame(hostile, CableClient.message(identifier, "{\"seq\":\"last\"}"));
            bystander.assertOpen();
        }
        assertAllReleased(probe, before);
    }

    @Test
    void thousandsOfSubscriptionsFromOneSocketStopAtTheLimit() {
        Probe probe = target().probe();
        probe.awaitIdle();
        JsonObject before = probe.state();
        try (CableClient bystander = target().connect("bystander"); CableClient greedy = target().connect("greedy")) {
            bystander.subscribeConfirmed(BENCHMARK);
            for (int i = 0; i < SUBSCRIPTIONS; i++) {
                greedy.subscribe("{\"channel\":\"BenchmarkChannel\",\"n\":" + i + "}");
            }
            int confirmed = 0;
            int rejected = 0;
            while (confirmed + rejected < SUBSCRIPTIONS) {
                String frame = greedy.next();
                confirmed += frame.contains("\"confirm_subscription\"") ? 1 : 0;
                rejected += frame.contains("\"reject_subscription\"") ? 1 : 0;
            }
            assertEquals(256, confirmed, "jcable.max-subscriptions");
            assertEquals(SUBSCRIPTIONS - 256, rejected);
            assertEquals(257, probe.state("connectionSubscriptions"));
            probe.broadcast("all", "{\"to\":\"everyone\"}");
            assertTrue(bystander.next().contains("\"to\":\"everyone\""));
            greedy.assertOpen();
        }
        assertAllReleased(probe, before);
    }

    @Test
    void aTenMegabyteIdentifierClosesOnlyThatSocket() {
        // Payara's Tyrus (its servlet container) buffers at most 4 MiB of one frame and answers a larger one
        // with 1011 before JCable sees it; JCable's own limit (jcable.max-frame-size) answers 1009.
        int code = target().runtime().equals("payara") ? 1011 : 1009;
        assertOnlyThatSocketCloses(hostile -> hostile.send("{\"command\":\"subscribe\",\"identifier\":\""
                + "x".repeat(10 << 20) + "\"}"), code);
    }

    @Test
    void invalidUtf8ClosesOnlyThatSocket() {
        byte[] frame = "{\"command\":\"subscribe\",\"identifier\":\"??\"}".getBytes(StandardCharsets.US_ASCII);
        frame[37] = (byte) 0xc3; // a lead byte followed by no continuation byte
        frame[38] = (byte) 0x28;
        assertOnlyThatSocketCloses(hostile -> hostile.sendText(frame), 1007);
    }

    private void assertOnlyThatSocketCloses(Consumer<StalledClient> attack, int code) {
        Probe probe = target().probe();
        probe.awaitIdle();
        JsonObject before = probe.state();
        try (CableClient bystander = target().connect("bystander");
             StalledClient hostile = StalledClient.connect(target().cable("hostile"))) {
            bystander.subscribeConfirmed(BENCHMARK);
            attack.accept(hostile);
            assertEquals(code, hostile.awaitCloseCode());
            probe.broadcast("all", "{\"still\":\"here\"}");
            assertTrue(bystander.next().contains("\"still\":\"here\""));
            bystander.assertOpen();
        }
        assertAllReleased(probe, before);
    }

    /** Takes frames until {@code expected} arrives (rejections of earlier generated subscribes come first). */
    private static void awaitFrame(CableClient client, String expected) {
        for (int i = 0; i < FRAMES * 2; i++) {
            if (client.next().equals(expected)) {
                return;
            }
        }
        throw new AssertionError("never got " + expected);
    }

    private static void assertAllReleased(Probe probe, JsonObject before) {
        // The closer pool's threads end 10 s after their last close: the same thread count may take that long.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonObject after = probe.state();
            for (String gauge : List.of("connections", "admitted", "connectionSubscriptions", "streams",
                    "streamSubscriptions", "liveChannelBeans", "jcableThreads")) {
                assertEquals(before.getInt(gauge), after.getInt(gauge), gauge + ": " + before + " -> " + after);
            }
        });
    }
}
