package io.jcable.standalone;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jcable.broadcast.Broadcaster;
import io.jcable.testing.CableClient;
import io.jcable.testing.DemoServer;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** A graceful stop: what was accepted is delivered, then every client hears server_restart. */
class ShutdownIT {

    private static final String RESTART = "{\"type\":\"disconnect\",\"reason\":\"server_restart\",\"reconnect\":true}";
    private static final String BENCHMARK = "{\"channel\":\"BenchmarkChannel\"}";

    @Test
    void deliversWhatWasAcceptedThenTellsEveryClientToReconnect() {
        DemoServer demo = DemoServer.start();
        int port = demo.server().port();
        try (CableClient a = demo.connect("a"); CableClient b = demo.connect("b")) {
            a.subscribeConfirmed(BENCHMARK);
            b.subscribeConfirmed(BENCHMARK);
            Broadcaster cable = demo.bean(Broadcaster.class);
            for (int i = 0; i < 2000; i++) {
                cable.broadcast("all", Map.of("seq", i));
            }
            demo.close();
            for (CableClient client : List.of(a, b)) {
                for (int i = 0; i < 2000; i++) {
                    assertEquals(i, client.nextJson().getJsonObject("message").getInt("seq"));
                }
                assertEquals(RESTART, client.next());
                assertEquals(1001, client.awaitClose().code());
            }
        }
        assertThrows(IOException.class, () -> new Socket("127.0.0.1", port).close(), "the port is closed");
        await().atMost(Duration.ofSeconds(10)).until(() -> jcableThreads().isEmpty());
    }

    @Test
    void underLoadEveryAcceptedBroadcastIsDeliveredAndEveryLaterOneRefused() throws Exception {
        // A queue that no burst fills: this is about the stop, not about slow clients.
        DemoServer demo = DemoServer.start(Map.of("jcable.outbound-queue", "100000"));
        List<CableClient> clients = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            CableClient client = demo.connect("listener" + i);
            client.subscribeConfirmed(BENCHMARK);
            clients.add(client);
        }
        Broadcaster cable = demo.bean(Broadcaster.class);
        AtomicInteger accepted = new AtomicInteger();
        AtomicReference<Throwable> refusal = new AtomicReference<>();
        Thread broadcaster = new Thread(() -> {
            try {
                for (int seq = 0; ; seq++) { // about 2 000/s, until the server refuses
                    cable.broadcast("all", Map.of("seq", seq));
                    accepted.incrementAndGet();
                    if (seq % 10 == 9) {
                        Thread.sleep(5);
                    }
                }
            } catch (RuntimeException e) {
                refusal.set(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        broadcaster.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> accepted.get() >= 2_000);
        demo.close(); // while broadcasts keep coming
        broadcaster.join(10_000);

        assertTrue(String.valueOf(refusal.get()).contains("stopping"), () -> "refused with " + refusal.get());
        int total = accepted.get();
        System.out.printf("shutdown under load: %d broadcasts accepted before the stop, each delivered to %d clients%n",
                total, clients.size());
        for (CableClient client : clients) {
            for (int seq = 0; seq < total; seq++) {
                assertEquals(seq, client.nextJson().getJsonObject("message").getInt("seq"), "nothing accepted is lost");
            }
            assertEquals(RESTART, client.next(), "after the last accepted broadcast, nothing but server_restart");
            assertEquals(1001, client.awaitClose().code());
            client.close();
        }
    }

    @Test
    void stoppingTwiceIsHarmless() {
        DemoServer demo = DemoServer.start();
        demo.server().stop();
        demo.server().stop();
        assertTrue(true);
    }

    private static List<String> jcableThreads() {
        return Arrays.stream(ManagementFactory.getThreadMXBean().dumpAllThreads(false, false))
                .map(info -> info.getThreadName()).filter(name -> name.startsWith("jcable-")).toList();
    }
}
