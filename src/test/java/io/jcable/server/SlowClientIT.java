package io.jcable.server;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jcable.broadcast.Broadcaster;
import io.jcable.testing.CableClient;
import io.jcable.testing.DemoServer;
import io.jcable.testing.LogCapture;
import io.jcable.testing.StalledClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A client that stops reading is dropped; everyone else keeps receiving, in order. */
class SlowClientIT {

    private static final String BENCHMARK = "{\"channel\":\"BenchmarkChannel\"}";
    private static final int MESSAGES = 1000;
    private static final int BATCH = 20;
    private static final String PADDING = "x".repeat(16 * 1024);

    @Test
    void aClientWhoseQueueOverflowsIsDroppedWhileOthersReceiveEverything() {
        try (DemoServer demo = DemoServer.start(Map.of("jcable.outbound-queue", "64"));
             LogCapture log = LogCapture.start()) {
            assertDroppedWhileOthersReceive(demo, log, "outbound queue full (64 frames, jcable.outbound-queue)");
        }
    }

    @Test
    void aClientWhoseSocketStallsPastTheSendTimeoutIsDropped() {
        try (DemoServer demo = DemoServer.start(Map.of("jcable.outbound-queue", "100000", "jcable.send-timeout", "1000"));
             LogCapture log = LogCapture.start()) {
            assertDroppedWhileOthersReceive(demo, log, "its socket accepted nothing for 1000 ms (jcable.send-timeout)");
        }
    }

    private static void assertDroppedWhileOthersReceive(DemoServer demo, LogCapture log, String reason) {
        ConnectionRegistry connections = demo.bean(ConnectionRegistry.class);
        try (CableClient healthy = demo.connect("healthy"); StalledClient stalled = StalledClient.connect(demo.cable("stalled"))) {
            healthy.subscribeConfirmed(BENCHMARK);
            stalled.send(CableClient.subscribeCommand(BENCHMARK));
            await().atMost(Duration.ofSeconds(5)).until(() -> connections.size() == 2
                    && connections.subscriptionCount() == 2);

            // In batches that the healthy client reads as they come: it keeps up, the stalled one never does.
            Broadcaster cable = demo.bean(Broadcaster.class);
            List<Integer> received = new ArrayList<>();
            for (int batch = 0; batch < MESSAGES / BATCH; batch++) {
                long started = System.nanoTime();
                for (int i = batch * BATCH; i < (batch + 1) * BATCH; i++) {
                    cable.broadcast("all", Map.of("seq", i, "padding", PADDING));
                }
                double seconds = (System.nanoTime() - started) / 1e9;
                assertTrue(seconds < 1, "broadcast() must not wait for sockets: " + BATCH + " took " + seconds + " s");
                for (int i = 0; i < BATCH; i++) {
                    received.add(healthy.nextJson().getJsonObject("message").getInt("seq"));
                }
            }
            assertEquals(java.util.stream.IntStream.range(0, MESSAGES).boxed().toList(), received);

            await().atMost(Duration.ofSeconds(10)).until(() -> connections.size() == 1);
            assertTrue(log.lines().stream().anyMatch(line -> line.contains("dropped: " + reason)), log.lines()::toString);
            healthy.assertOpen();
        }
    }
}
