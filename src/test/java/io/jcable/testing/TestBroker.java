package io.jcable.testing;

import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * A real ActiveMQ Artemis broker in the test's JVM, on a TCP port of loopback, without persistence:
 * what the cluster's nodes connect to. It can be stopped and started again on the same port.
 */
public final class TestBroker implements AutoCloseable {

    private final int port;
    private EmbeddedActiveMQ broker;

    private TestBroker(int port) {
        this.port = port;
    }

    public static TestBroker start() throws Exception {
        TestBroker broker = new TestBroker(freePort());
        broker.startAgain();
        return broker;
    }

    /** The URL nodes use: {@code jcable.cluster.url}. */
    public String url() {
        return "tcp://127.0.0.1:" + port;
    }

    public void startAgain() throws Exception {
        ConfigurationImpl configuration = new ConfigurationImpl();
        configuration.setPersistenceEnabled(false);
        configuration.setSecurityEnabled(false);
        configuration.setJournalDirectory(Path.of("target/test-broker/journal").toString());
        configuration.setBindingsDirectory(Path.of("target/test-broker/bindings").toString());
        configuration.setLargeMessagesDirectory(Path.of("target/test-broker/large").toString());
        configuration.setPagingDirectory(Path.of("target/test-broker/paging").toString());
        configuration.addAcceptorConfiguration("tcp", url());
        broker = new EmbeddedActiveMQ().setConfiguration(configuration);
        broker.start();
    }

    public void stop() throws Exception {
        broker.stop();
    }

    /** Publishes a message on {@code topic} that no JCable node sent: a JMS client of another application. */
    public void sendForeign(String topic, String text, String kind) {
        try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(url());
             JMSContext context = factory.createContext()) {
            Message message = context.createTextMessage(text);
            if (kind != null) {
                message.setStringProperty("jcable", kind);
            }
            context.createProducer().send(context.createTopic(topic), message);
        } catch (jakarta.jms.JMSException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws Exception {
        stop();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
