package io.jcable.standalone;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jcable.demo.DemoApp;
import io.jcable.demo.DemoSettings;
import io.jcable.demo.DemoTokens;
import io.jcable.internal.monitoring.CableMXBean;
import io.jcable.testing.CableClient;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.management.JMX;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import org.junit.jupiter.api.Test;

/** io.jcable.standalone.Main in its own JVM: it finds the channels on the class path and stops gracefully on SIGTERM. */
class MainIT {

    @Test
    void servesTheChannelsOnTheClassPathAndStopsGracefullyOnSigtermLoggingOneLinePerEvent() throws Exception {
        int port = freePort();
        try (Jvm server = Jvm.start(port, List.of("-Djcable.port=" + port, Main.class.getName()), Map.of())) {
            try (CableClient client = connect(port)) {
                client.subscribeConfirmed("{\"channel\":\"ChatChannel\",\"room\":\"main\"}");
                server.process.destroy(); // SIGTERM
                assertEquals("{\"type\":\"disconnect\",\"reason\":\"server_restart\",\"reconnect\":true}", client.next());
                assertEquals(1001, client.awaitClose().code());
            }
            assertTrue(server.process.waitFor(10, TimeUnit.SECONDS), "the JVM exits after a SIGTERM");
            List<String> log = Files.readAllLines(server.log);
            String all = String.join("\n", log);
            String oneLine = "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3} [A-Z]+ \\S+: .+";
            assertTrue(log.stream().allMatch(line -> line.matches(oneLine)), "one line per event:\n" + all);
            assertTrue(log.stream().anyMatch(line -> line.endsWith(" INFO io.jcable.internal.standalone.EmbeddedServer: JCable stopping: "
                    + "accepted broadcasts go out, then every client gets server_restart")), all);
            assertTrue(log.get(log.size() - 1).endsWith(" INFO io.jcable.internal.standalone.EmbeddedServer: JCable stopped"), all);
        }
    }

    @Test
    void theDemoAsPeopleRunItServesTheContractsChannelsOnly() throws Exception {
        int port = freePort();
        try (Jvm demo = Jvm.start(port, List.of(DemoApp.class.getName()), Map.of("CABLE_PORT", Integer.toString(port)));
             CableClient client = connect(port)) {
            client.subscribeConfirmed("{\"channel\":\"BenchmarkChannel\"}");
            String probe = "{\"channel\":\"ProbeChannel\"}";
            client.subscribe(probe);
            assertEquals(CableClient.rejection(probe), client.next());
        }
    }

    @Test
    void anOperatorReadsTheCountersOverRemoteJmx() throws Exception {
        int port = freePort();
        int jmxPort = freePort();
        List<String> arguments = List.of("-Dcom.sun.management.jmxremote.port=" + jmxPort,
                "-Dcom.sun.management.jmxremote.rmi.port=" + jmxPort, "-Dcom.sun.management.jmxremote.host=127.0.0.1",
                "-Djava.rmi.server.hostname=127.0.0.1", "-Dcom.sun.management.jmxremote.authenticate=false",
                "-Dcom.sun.management.jmxremote.ssl=false", DemoApp.class.getName());
        try (Jvm demo = Jvm.start(port, arguments, Map.of("CABLE_PORT", Integer.toString(port)));
             CableClient client = connect(port);
             JMXConnector jmx = JMXConnectorFactory.connect(
                     new JMXServiceURL("service:jmx:rmi:///jndi/rmi://127.0.0.1:" + jmxPort + "/jmxrmi"))) {
            client.subscribeConfirmed("{\"channel\":\"BenchmarkChannel\"}");
            MBeanServerConnection server = jmx.getMBeanServerConnection();
            ObjectName cable = server.queryNames(new ObjectName("io.jcable:type=Cable,*"), null).iterator().next();
            assertEquals("io.jcable:type=Cable,name=\"127.0.0.1:" + port + "/cable\"", cable.toString());
            CableMXBean counters = JMX.newMXBeanProxy(server, cable, CableMXBean.class);
            assertEquals(1, counters.getConnections());
            assertEquals(1, counters.getSubscriptions());
            assertEquals(1, counters.getConnectionsAdmitted());
            assertTrue(counters.isHealthy());
        }
    }

    private static CableClient connect(int port) {
        String token = new DemoTokens(DemoSettings.DEFAULT_SECRET).issue("alice", Duration.ofMinutes(5));
        CableClient client = CableClient.connect(URI.create("ws://127.0.0.1:" + port + "/cable?token=" + token));
        assertEquals("{\"type\":\"welcome\"}", client.next());
        return client;
    }

    /** A JVM with the test class path, listening on a port once started. */
    private record Jvm(Process process, Path log) implements AutoCloseable {
        static Jvm start(int port, List<String> arguments, Map<String, String> env) throws IOException {
            Path log = Files.createTempFile("jcable-jvm", ".log");
            List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                    "-cp", System.getProperty("java.class.path")));
            command.addAll(arguments);
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().putAll(env);
            Jvm jvm = new Jvm(builder.start(), log);
            awaitListening(port, jvm.process, log);
            return jvm;
        }

        @Override
        public void close() throws IOException {
            process.destroyForcibly();
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
