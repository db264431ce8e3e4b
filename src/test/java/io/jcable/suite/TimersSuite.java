package io.jcable.suite;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jcable.testing.CableClient;
import io.jcable.testing.CableTarget;
import jakarta.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * {@code @Periodically} timers: they run at their period while the subscription lives, never
 * overlapping themselves or the subscription's actions, and stop with the subscription or its connection.
 */
public abstract class TimersSuite {

    protected abstract CableTarget target();

    private static String ticking(String mode) {
        return "{\"channel\":\"TickingChannel\",\"mode\":\"" + mode + "\"}";
    }

    private static JsonObject message(CableClient client) {
        return client.nextJson().getJsonObject("message");
    }

    @Test
    void aTimerRunsAtItsPeriodInOrderAndStopsWithTheSubscription() {
        String identifier = ticking("plain");
        try (CableClient client = target().connect("alice")) {
            client.subscribeConfirmed(identifier);
            long started = System.nanoTime();
            for (int n = 1; n <= 5; n++) {
                JsonObject tick = message(client);
                assertEquals(n, tick.getInt("tick"));
                assertEquals(1, tick.getInt("inside"), "alone");
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            assertTrue(seconds > 0.35 && seconds < 2.5, "five runs 100 ms apart took " + seconds + " s");
            assertTrue(target().probe().state("timers") >= 1);
            client.unsubscribe(identifier);
            await().atMost(Duration.ofSeconds(5)).until(() -> target().probe().state("timers") == 0);
            // A fence: this confirmation leaves after any tick queued before the unsubscribe (one queue per
            // connection), which a slow server may still have been sending when the client unsubscribed.
            client.subscribeConfirmed(CableClient.chat("after-the-timer"));
            client.expectNothing(Duration.ofMillis(400));
        }
    }

    @Test
    void aSlowRunDelaysTheNextAndNeitherItNorAnActionOverlapsAnotherMethod() {
        String identifier = ticking("slow");
        try (CableClient client = target().connect("bob")) {
            client.subscribeConfirmed(identifier);
            JsonObject first = message(client);
            client.sendMessage(identifier, "{\"action\":\"inside\"}"); // lands while a run is under way or waiting
            long after = System.nanoTime();
            int seen = 0;
            while (seen < 3) {
                JsonObject message = message(client);
                assertEquals(1, message.getInt("inside"), "one method of the subscription at a time: " + message);
                seen++;
            }
            double seconds = (System.nanoTime() - after) / 1e9;
            assertEquals(1, first.getInt("tick"));
            assertTrue(seconds > 0.5, "250 ms runs 100 ms apart: the next starts after the previous ended (" + seconds + " s)");
        }
    }

    @Test
    void timersStopWithTheirConnection() {
        try (CableClient client = target().connect("carol")) {
            client.subscribeConfirmed(ticking("quiet"));
            client.subscribeConfirmed(ticking("plain"));
            assertEquals(1, message(client).getInt("tick"));
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> target().probe().state("timers") == 0);
    }
}
