package io.jcable.bench;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jcable.testing.DemoServer;
import io.jcable.testing.Probe;
import jakarta.json.JsonObject;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Connect, subscribe, leave, 100 000 times ({@code -Djcable.churn.cycles}), {@value #IN_FLIGHT} at
 * once, with the generator's NIO client. A third of the clients leave with a close frame, a third
 * vanish (FIN, no close frame), a third reset the connection (RST). Afterwards the server holds
 * nothing of them: registries empty, the same threads, the heap after a full GC where it was.
 */
class ChurnIT {

    private static final int CYCLES = Integer.getInteger("jcable.churn.cycles", 100_000);
    private static final int WARM_UP = 3_000;
    private static final int IN_FLIGHT = 200;
    private static final long HEAP_TOLERANCE = 8L << 20; // 8 MiB: 84 bytes per cycle would show
    private static final String SUBSCRIBE = "{\"command\":\"subscribe\",\"identifier\":\"{\\\"channel\\\":\\\"BenchmarkChannel\\\"}\"}";
    private static final String CONFIRM = "{\"identifier\":\"{\\\"channel\\\":\\\"BenchmarkChannel\\\"}\",\"type\":\"confirm_subscription\"}";

    @RegisterExtension
    static final DemoServer demo = DemoServer.perClass();

    @Test
    void connectSubscribeLeaveCyclesLeaveNothingBehind() throws Exception {
        Probe probe = demo.probe();
        churn(WARM_UP); // classes loaded, code compiled, pools at their working size
        awaitEmpty(probe);
        probe.clearLog(); // the test probe keeps every log line (the demo logs each disconnect): not the server's
        JsonObject threadsBefore = probe.state();
        long heapBefore = LiveHeap.afterGc();
        Map<String, Long> histogramBefore = LiveHeap.histogram();

        long started = System.nanoTime();
        Tally tally = churn(CYCLES);
        double seconds = (System.nanoTime() - started) / 1e9;

        assertEquals(Map.of(), tally.failures, "every cycle ends as planned");
        assertEquals(CYCLES, tally.confirmed.get(), "every client was confirmed");
        awaitEmpty(probe);
        probe.clearLog();
        JsonObject threadsAfter = probe.state();
        long heapAfter = LiveHeap.afterGc();
        System.out.printf("churn: %d cycles in %.1f s (%.0f/s); heap after GC %.1f -> %.1f MiB; jcable threads %d -> %d;"
                        + " other threads %d -> %d%n", CYCLES, seconds, CYCLES / seconds, heapBefore / 1048576.0,
                heapAfter / 1048576.0, threadsBefore.getInt("jcableThreads"), threadsAfter.getInt("jcableThreads"),
                threadsBefore.getInt("nonWorkerThreads"), threadsAfter.getInt("nonWorkerThreads"));

        assertEquals(threadsBefore.getInt("jcableThreads"), threadsAfter.getInt("jcableThreads"));
        // Other threads may end (a pool shrinking), none may be left over.
        assertTrue(threadsAfter.getInt("nonWorkerThreads") <= threadsBefore.getInt("nonWorkerThreads"),
                threadsBefore + " -> " + threadsAfter);
        Map<String, Long> grown = LiveHeap.grownClasses(histogramBefore, LiveHeap.histogram());
        System.out.println("churn: classes grown most (bytes) " + grown);
        assertTrue(heapAfter - heapBefore < HEAP_TOLERANCE, "heap after GC grew from " + heapBefore + " to "
                + heapAfter + " bytes over " + CYCLES + " cycles; grown most: " + grown);
        JsonObject jmx = probe.jmx();
        assertEquals(0, jmx.getInt("SlowClientsDropped"), jmx::toString);
    }

    /** What the cycles came to. */
    private record Tally(AtomicInteger confirmed, Map<String, Integer> failures) {
    }

    private static Tally churn(int cycles) throws Exception {
        Tally tally = new Tally(new AtomicInteger(), new ConcurrentHashMap<>());
        Semaphore slots = new Semaphore(IN_FLIGHT);
        List<URI> cables = List.of(demo.cable("churn-a"), demo.cable("churn-b"), demo.cable("churn-c"));
        try (WsClient client = new WsClient("churn")) {
            for (int i = 0; i < cycles; i++) {
                if (!slots.tryAcquire(30, TimeUnit.SECONDS)) {
                    throw new AssertionError("no cycle ended for 30 s; failures so far: " + tally.failures);
                }
                client.connect(cables.get(i % 3), "actioncable-v1-json", new Cycle(i % 3, tally, slots), null);
            }
            if (!slots.tryAcquire(IN_FLIGHT, 60, TimeUnit.SECONDS)) {
                throw new AssertionError("cycles still open after 60 s; failures so far: " + tally.failures);
            }
        }
        return tally;
    }

    /** One client's life: welcome, subscribe, confirmation, then it leaves its way. */
    private static final class Cycle implements WsClient.Handler {
        private final int leaving;
        private final Tally tally;
        private final Semaphore slots;
        private final AtomicBoolean confirmed = new AtomicBoolean();
        private final AtomicBoolean ended = new AtomicBoolean();

        Cycle(int leaving, Tally tally, Semaphore slots) {
            this.leaving = leaving;
            this.tally = tally;
            this.slots = slots;
        }

        @Override
        public void opened(WsClient.Connection connection) {
        }

        @Override
        public void text(WsClient.Connection connection, String text) {
            if (text.equals("{\"type\":\"welcome\"}")) {
                connection.send(SUBSCRIBE);
            } else if (text.equals(CONFIRM) && confirmed.compareAndSet(false, true)) {
                tally.confirmed.incrementAndGet();
                switch (leaving) {
                    case 0 -> connection.closeGracefully();
                    case 1 -> connection.close();
                    default -> connection.reset();
                }
            }
        }

        @Override
        public void closed(WsClient.Connection connection, String why) {
            if (!ended.compareAndSet(false, true)) {
                return;
            }
            boolean planned = confirmed.get() && (why.equals("close 1000") || why.equals("closed by the benchmark")
                    || why.equals("reset by the benchmark"));
            if (!planned) {
                tally.failures.merge(why, 1, Integer::sum);
            }
            slots.release();
        }
    }

    private static void awaitEmpty(Probe probe) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            JsonObject state = probe.state();
            for (String registry : List.of("connections", "admitted", "addresses", "connectionSubscriptions",
                    "streams", "streamSubscriptions")) {
                assertEquals(0, state.getInt(registry), registry + " in " + state);
            }
        });
    }
}
