package io.jcable.standalone;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jcable.demo.DemoSettings;
import io.jcable.demo.DemoTokens;
import io.jcable.testing.CableClient;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** io.jcable.standalone.Main in its own JVM: it finds the channels on the class path and stops gracefully on SIGTERM. */
class MainIT {

    @Test
    void servesTheChannelsOnTheClassPathAndStopsGracefullyOnSigterm() throws Exception {
        int port = freePort();
        Path log = Files.createTempFile("jcable-main", ".log");
        Process server = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
                "-cp", System.getProperty("java.class.path"), "-Djcable.port=" + port, Main.class.getName())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            awaitListening(port, server, log);
            String token = new DemoTokens(DemoSettings.DEFAULT_SECRET).issue("alice", Duration.ofMinutes(5));
            try (CableClient client = CableClient.connect(URI.create("ws://127.0.0.1:" + port + "/cable?token=" + token))) {
                assertEquals("{\"type\":\"welcome\"}", client.next());
                client.subscribeConfirmed("{\"channel\":\"ChatChannel\",\"room\":\"main\"}");
                server.destroy(); // SIGTERM
                assertEquals("{\"type\":\"disconnect\",\"reason\":\"server_restart\",\"reconnect\":true}", client.next());
                assertEquals(1001, client.awaitClose().code());
            }
            assertTrue(server.waitFor(10, TimeUnit.SECONDS), "the JVM exits after a SIGTERM");
        } finally {
            server.destroyForcibly();
            Files.deleteIfExists(log);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void awaitListening(int port, Process server, Path log) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
            if (!server.isAlive()) {
                throw new AssertionError("the server exited: " + Files.readString(log));
            }
            try (Socket socket = new Socket("127.0.0.1", port)) {
                return true;
            } catch (IOException notYet) {
                return false;
            }
        });
    }
}
