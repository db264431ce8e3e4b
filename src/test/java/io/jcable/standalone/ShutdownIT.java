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
import java.util.Arrays;
import java.util.List;
import java.util.Map;
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
