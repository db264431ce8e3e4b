package io.jcable.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.jcable.testing.TestBroker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.as.arquillian.api.ServerSetup;
import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.as.arquillian.setup.SnapshotServerSetupTask;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The mixed cluster with a WildFly node configured as the README says: server-config's
 * jms-remote-artemis.cli run with jboss-cli against the running server, the broker's address and
 * credentials as system properties, and the WAR naming the pooled connection factory.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@ServerSetup(WildFlyClusterIT.RemoteArtemis.class)
class WildFlyClusterIT extends MixedClusterSuite {

    @Deployment(testable = false)
    static WebArchive clusterNode() {
        return ContainerWars.clusterNode("jcable.cluster.connection-factory=java:/jms/RemoteArtemisCF\n", false);
    }

    /** Starts the broker and points WildFly at it; afterwards the server's configuration is restored. */
    public static class RemoteArtemis extends SnapshotServerSetupTask {

        private static final Path WILDFLY = Path.of(System.getProperty("jboss.home"));

        @Override
        protected void doSetup(ManagementClient client, String containerId) throws Exception {
            broker = TestBroker.start();
            String port = broker.url().substring(broker.url().lastIndexOf(':') + 1);
            List<String> commands = new ArrayList<>(List.of(
                    "/system-property=jcable.artemis.host:add(value=127.0.0.1)",
                    "/system-property=jcable.artemis.port:add(value=" + port + ")",
                    "/system-property=jcable.artemis.user:add(value=jcable)",
                    "/system-property=jcable.artemis.password:add(value=broker-secret)"));
            commands.addAll(Files.readAllLines(Path.of("server-config/wildfly/jms-remote-artemis.cli")));
            commands.add("reload");
            jbossCli(client, commands);
        }

        @Override
        protected void nonManagementCleanUp() throws Exception {
            broker.close();
        }

        private static void jbossCli(ManagementClient client, List<String> commands) throws Exception {
            Path file = Files.createTempFile("jcable-cluster", ".cli");
            Path log = Files.createTempFile("jcable-cluster", ".log");
            try {
                Files.write(file, commands);
                ProcessBuilder builder = new ProcessBuilder(WILDFLY.resolve("bin/jboss-cli.sh").toString(), "--connect",
                        "--controller=" + client.getMgmtAddress() + ":" + client.getMgmtPort(), "--file=" + file)
                        .redirectErrorStream(true).redirectOutput(log.toFile());
                builder.environment().put("JBOSS_HOME", WILDFLY.toString());
                Process process = builder.start();
                if (!process.waitFor(120, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
                String output = Files.readString(log);
                assertEquals(0, process.exitValue(), output);
                assertFalse(output.contains("\"outcome\" => \"failed\""), output);
            } finally {
                Files.deleteIfExists(file);
                Files.deleteIfExists(log);
            }
        }
    }
}
