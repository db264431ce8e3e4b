package io.jcable.bench;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jcable.testing.CableClient;
import io.jcable.testing.DemoServer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What 10 000 {@code @Periodically} timers cost (issue: cheap enough for 10 000 subscriptions): 50
 * connections of 200 subscriptions each to a channel whose timer runs every second and does nothing.
 * Measured in the server's JVM: the CPU of the timer thread (scheduling, the connection's lock, the
 * request context, the call) and the live heap the timers add.
 */
class TimersCostIT {

    private static final int CONNECTIONS = 50;
    private static final int PER_CONNECTION = 200;
    private static final int TIMERS = CONNECTIONS * PER_CONNECTION;

    @RegisterExtension
    static final DemoServer demo = DemoServer.perClass(Map.of("jcable.max-subscriptions", "250"));

    @Test
    void tenThousandTimersCostLittleCpuAndHeap() throws InterruptedException {
        List<CableClient> clients = new ArrayList<>();
        try {
            long heapBefore = LiveHeap.afterGc();
            for (int c = 0; c < CONNECTIONS; c++) {
                CableClient client = demo.connect("timers-" + c);
                clients.add(client);
                for (int s = 0; s < PER_CONNECTION; s++) {
                    client.subscribe("{\"channel\":\"IdleTimerChannel\",\"n\":" + s + "}");
                }
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> demo.probe().state("timers") == TIMERS);
            long heapAfter = LiveHeap.afterGc();
            Thread.sleep(2000); // every timer has run at least once
            long cpuBefore = timerThreadCpuNanos();
            long started = System.nanoTime();
            Thread.sleep(5000);
            double cpuShare = (timerThreadCpuNanos() - cpuBefore) / (double) (System.nanoTime() - started);
            double heapPerSubscription = (heapAfter - heapBefore) / (double) TIMERS;
            System.out.printf("timers: %d timers every 1 s: timer thread %.1f%% of one core (%.1f us per run);"
                    + " live heap +%.1f MiB for %d subscriptions with a timer (%.0f bytes each, the subscription included)%n",
                    TIMERS, cpuShare * 100, cpuShare * 1e6 / TIMERS, (heapAfter - heapBefore) / 1048576.0, TIMERS, heapPerSubscription);
            assertTrue(cpuShare < 0.25, "10 000 timers a second take " + cpuShare * 100 + "% of a core");
        } finally {
            clients.forEach(CableClient::close);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> demo.probe().state("timers") == 0);
        assertEquals(0, demo.probe().state("timers"), "every timer stopped with its connection");
    }

    /** The CPU time of JCable's timer thread (standalone: one thread runs every timer). */
    private static long timerThreadCpuNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        return Arrays.stream(threads.getThreadInfo(threads.getAllThreadIds()))
                .filter(info -> info != null && info.getThreadName().startsWith("jcable-timers"))
                .mapToLong(ThreadInfo::getThreadId).map(threads::getThreadCpuTime).sum();
    }
}
