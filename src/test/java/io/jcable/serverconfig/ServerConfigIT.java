package io.jcable.serverconfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jcable.testing.PayaraDomain;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Applies every script of server-config/: the WildFly ones with jboss-cli.sh on an embedded,
 * offline server (a copy of standalone-full.xml), the Payara ones with asadmin on a Payara Server
 * domain created for this test. Each is checked by reading back what it set.
 */
class ServerConfigIT {

    private static final Path SCRIPTS = Path.of("server-config");
    private static final Path WILDFLY = Path.of(System.getProperty("jboss.home"));
    private static PayaraDomain payara;

    /** What a command printed, and how it ended. */
    record Run(int exitCode, String output) {
    }

    @Test
    void wildflyWebSocketSettings() throws Exception {
        String out = wildfly("websockets.cli",
                "/subsystem=undertow/servlet-container=default/setting=websockets:read-attribute(name=per-message-deflate)",
                "/subsystem=undertow/servlet-container=default/setting=websockets:read-attribute(name=dispatch-to-worker)");
        assertTrue(out.contains("\"result\" => false") && out.contains("\"result\" => true"), out);
    }

    @Test
    void wildflyJCableOptions() throws Exception {
        String out = wildfly("jcable-options.cli", "/system-property=jcable.allowed-origins:read-attribute(name=value)",
                "/system-property=jcable.max-frame-size:read-attribute(name=value)");
        assertTrue(out.contains("\"result\" => \"https://app.example\""), out);
        assertTrue(out.contains("\"result\" => \"1048576\""), out);
    }

    @Test
    void wildflyEmbeddedTopic() throws Exception {
        String out = wildfly("jms-embedded-topic.cli",
                "/subsystem=messaging-activemq/server=default/jms-topic=jcable:read-attribute(name=entries)");
        assertTrue(out.contains("\"java:/jms/topic/jcable\"") && out.contains("\"java:jboss/exported/jms/topic/jcable\""), out);
    }

    @Test
    void wildflyRemoteArtemis() throws Exception {
        String out = wildfly("jms-remote-artemis.cli",
                "/subsystem=messaging-activemq/pooled-connection-factory=remote-artemis:read-attribute(name=entries)",
                "/subsystem=messaging-activemq/pooled-connection-factory=remote-artemis:read-attribute(name=enable-amq1-prefix)",
                "/subsystem=messaging-activemq/pooled-connection-factory=remote-artemis:read-attribute(name=password)",
                "/subsystem=messaging-activemq/external-jms-topic=jcable:read-attribute(name=entries)");
        assertTrue(out.contains("\"java:/jms/RemoteArtemisCF\""), out);
        assertTrue(out.contains("\"result\" => false"), "enable-amq1-prefix: " + out);
        assertTrue(out.contains("expression \"${jcable.artemis.password}\""), "the password stays an expression: " + out);
        assertTrue(out.contains("\"java:/jms/topic/jcable\""), out);
    }

    /** Runs a script on an embedded server (a fresh copy of standalone-full.xml), then the reading commands. */
    private static String wildfly(String script, String... reads) throws Exception {
        Path configuration = WILDFLY.resolve("standalone/configuration");
        String config = "jcable-" + script.replace(".cli", "") + ".xml";
        Files.copy(configuration.resolve("standalone-full.xml"), configuration.resolve(config), StandardCopyOption.REPLACE_EXISTING);
        Path commands = Files.createTempFile("jcable-cli", ".cli");
        List<String> lines = new ArrayList<>();
        lines.add("embed-server --server-config=" + config + " --std-out=discard");
        lines.addAll(Files.readAllLines(SCRIPTS.resolve("wildfly").resolve(script)));
        lines.addAll(List.of(reads));
        lines.add("stop-embedded-server");
        Files.write(commands, lines);
        try {
            Run run = run(List.of(WILDFLY.resolve("bin/jboss-cli.sh").toString(), "--file=" + commands), 120);
            assertEquals(0, run.exitCode(), run.output());
            assertTrue(!run.output().contains("\"outcome\" => \"failed\""), run.output());
            return run.output();
        } finally {
            Files.deleteIfExists(commands);
            Files.deleteIfExists(configuration.resolve(config));
        }
    }

    @BeforeAll
    static void startPayaraDomain() throws Exception {
        payara = PayaraDomain.start("scripts", 28000);
    }

    @AfterAll
    static void stopPayaraDomain() throws Exception {
        payara.close();
    }

    @Test
    void payaraTopicAndConnectionFactory() throws Exception {
        payara("jms-topic.asadmin");
        String resources = payara.asadmin("list-jms-resources").output();
        assertTrue(resources.contains("jms/jcableTopic") && resources.contains("jms/jcableConnectionFactory"), resources);
    }

    @Test
    void payaraRemoteBroker() throws Exception {
        Path password = Files.createTempFile("jcable-alias", ".txt");
        Files.writeString(password, "AS_ADMIN_ALIASPASSWORD=broker-secret\n");
        try {
            payara.asadmin("--passwordfile", password.toString(), "create-password-alias", "jcable-mq-password").orFail();
        } finally {
            Files.delete(password);
        }
        payara("jms-remote-broker.asadmin");
        String type = payara.asadmin("get", "configs.config.server-config.jms-service.type").output();
        assertTrue(type.contains("jms-service.type=REMOTE"), type);
        String hosts = payara.asadmin("list-jms-hosts").output();
        assertTrue(hosts.contains("jcableBroker"), hosts);
        String domain = Files.readString(payara.domainXml());
        assertTrue(domain.contains("admin-password=\"${ALIAS=jcable-mq-password}\"") && !domain.contains("broker-secret"),
                "the broker's password stays in the alias");
    }

    @Test
    void payaraJCableOptions() throws Exception {
        payara("jcable-options.asadmin");
        String properties = payara.asadmin("list-system-properties").output();
        assertTrue(properties.contains("jcable.allowed-origins=https://app.example"), properties);
    }

    private static void payara(String script) throws Exception {
        payara.asadmin("multimode", "--file", SCRIPTS.resolve("payara").resolve(script).toAbsolutePath().toString()).orFail();
    }

    private static Run run(List<String> command, long timeoutSeconds) throws Exception {
        Path log = Files.createTempFile("jcable-script", ".log");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().put("JBOSS_HOME", WILDFLY.toString());
            Process process = builder.start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(command + " did not finish in " + timeoutSeconds + " s: " + Files.readString(log));
            }
            return new Run(process.exitValue(), Files.readString(log));
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
