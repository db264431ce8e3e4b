package io.jcable.testing;

import static io.jcable.testing.CableClient.message;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code mvn -Pcluster}'s program: a broker and two demo nodes on the ports asked for, one cluster, all stopped by one SIGTERM. */
class DemoClusterIT {

    private static final Pattern READY = Pattern.compile("JCable cluster: broker tcp://127\\.0\\.0\\.1:(\\d+)");
    private static final String POST = "{\"channel\":\"CommentsChannel\",\"post_id\":\"88\"}";

    @Test
    void oneCommandStartsABrokerAndTwoNodesAsOneClusterAndSigtermStopsThemAll() throws Exception {
        int a = freePort();
        int b = freePort();
        Path log = Path.of("target/nodes/demo-cluster.log").toAbsolutePath();
        Process cluster = TestJvm.start(DemoCluster.class, log, Map.of("CABLE_PORTS", a + "," + b));
        try {
            int brokerPort = await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).until(() -> {
                Matcher ready = READY.matcher(Files.readString(log));
                return ready.find() ? Integer.parseInt(ready.group(1)) : null;
            }, Objects::nonNull);
            CableTarget nodeA = CableTarget.deployed(URI.create("http://127.0.0.1:" + a + "/"), "cluster node A");
            CableTarget nodeB = CableTarget.deployed(URI.create("http://127.0.0.1:" + b + "/"), "cluster node B");
            try (CableClient reader = nodeA.connect("reader")) {
                reader.subscribeConfirmed(POST);
                assertEquals(201, nodeB.broadcast("{\"stream\":\"comments:post:88\",\"data\":\"{\\\"via\\\":\\\"B\\\"}\"}").statusCode());
                assertEquals(message(POST, "{\"via\":\"B\"}"), reader.next());
            }

            cluster.destroy(); // SIGTERM, as Ctrl-C's or an operator's
            assertTrue(cluster.waitFor(60, TimeUnit.SECONDS), "stopped");
            assertTrue(Files.readString(log).contains("JCable cluster stopped"));
            for (int port : new int[] {a, b, brokerPort}) {
                assertFalse(listening(port), "nothing left listening on " + port);
            }
        } finally {
            cluster.destroyForcibly();
        }
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
