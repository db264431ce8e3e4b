package io.jcable.suite;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jcable.testing.CableClient;
import io.jcable.testing.CableTarget;
import io.jcable.testing.Probe;
import io.jcable.testing.StalledClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A client that stops reading is dropped; everyone else keeps receiving, in order. */
public abstract class SlowClientSuite {

    private static final String BENCHMARK = "{\"channel\":\"BenchmarkChannel\"}";
    private static final int MESSAGES = 1000;
    private static final int BATCH = 20;
    private static final String PADDING = "x".repeat(16 * 1024);

    /** The demo with jcable.outbound-queue=64. */
    protected abstract CableTarget overflowing();

    /** The demo with jcable.outbound-queue=100000 and jcable.send-timeout=1000. */
    protected abstract CableTarget stalling();

    @Test
    void aClientWhoseQueueOverflowsIsDroppedWhileOthersReceiveEverything() {
        Probe probe = overflowing().probe();
        long overflows = probe.jmx().getJsonNumber("QueueOverflows").longValue();
        long dropped = probe.jmx().getJsonNumber("SlowClientsDropped").longValue();
        assertDroppedWhileOthersReceive(overflowing(), "outbound queue full (64 frames, jcable.outbound-queue)");
        assertEquals(overflows + 1, probe.jmx().getJsonNumber("QueueOverflows").longValue());
        assertEquals(dropped + 1, probe.jmx().getJsonNumber("SlowClientsDropped").longValue());
    }

    @Test
    void aClientWhoseSocketStallsPastTheSendTimeoutIsDropped() {
        Probe probe = stalling().probe();
        long overflows = probe.jmx().getJsonNumber("QueueOverflows").longValue();
        long dropped = probe.jmx().getJsonNumber("SlowClientsDropped").longValue();
        assertDroppedWhileOthersReceive(stalling(), "its socket accepted nothing for 1000 ms (jcable.send-timeout)");
        assertEquals(overflows, probe.jmx().getJsonNumber("QueueOverflows").longValue());
        assertEquals(dropped + 1, probe.jmx().getJsonNumber("SlowClientsDropped").longValue());
    }

    private static void assertDroppedWhileOthersReceive(CableTarget target, String reason) {
        Probe probe = target.probe();
        probe.awaitIdle();
        probe.clearLog();
        try (CableClient healthy = target.connect("healthy"); StalledClient stalled = StalledClient.connect(target.cable("stalled"))) {
            healthy.subscribeConfirmed(BENCHMARK);
            stalled.send(CableClient.subscribeCommand(BENCHMARK));
            await().atMost(Duration.ofSeconds(5)).until(() -> probe.state("connections") == 2
                    && probe.state("connectionSubscriptions") == 2);

            // In batches that the healthy client reads as they come: it keeps up, the stalled one never does.
            List<Integer> received = new ArrayList<>();
            for (int batch = 0; batch < MESSAGES / BATCH; batch++) {
                long started = System.nanoTime();
                for (int i = batch * BATCH; i < (batch + 1) * BATCH; i++) {
                    probe.broadcast("all", "{\"seq\":" + i + ",\"padding\":\"" + PADDING + "\"}");
                }
                double seconds = (System.nanoTime() - started) / 1e9;
                assertTrue(seconds < 2, "broadcasting must not wait for sockets: " + BATCH + " took " + seconds + " s");
                for (int i = 0; i < BATCH; i++) {
                    received.add(healthy.nextJson().getJsonObject("message").getInt("seq"));
                }
            }
            assertEquals(IntStream.range(0, MESSAGES).boxed().toList(), received);

            await().atMost(Duration.ofSeconds(10)).until(() -> probe.state("connections") == 1);
            assertTrue(probe.log().stream().anyMatch(line -> line.message().contains("dropped: " + reason)),
                    probe.log()::toString);
            healthy.assertOpen();
        }
    }
}
