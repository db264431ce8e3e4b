package io.jcable.testing;

import static org.awaitility.Awaitility.await;

import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * A real ActiveMQ Artemis broker on a TCP port of loopback, without persistence, in a JVM of its own
 * ({@link #main}): what the cluster's nodes connect to. It can be stopped as an operator would
 * (SIGTERM: the broker says goodbye to its clients) or killed as a crash would (SIGKILL: the
 * sockets just close), and started again on the same port. Its output goes to
 * {@code target/nodes/broker-<port>.log}.
 */
public final class TestBroker implements AutoCloseable {

    private static final String READY = "test broker ready";
    private static final Duration START = Duration.ofSeconds(60);

    private final int port;
    private final Path log;
    private Process process;

    private TestBroker(int port) {
        this.port = port;
        this.log = Path.of("target/nodes", "broker-" + port + ".log").toAbsolutePath();
    }

    public static TestBroker start() throws IOException {
        TestBroker broker = new TestBroker(freePort());
        broker.startAgain();
        return broker;
    }

    /** The URL nodes use: {@code jcable.cluster.url}. */
    public String url() {
        return url(port);
    }

    public void startAgain() throws IOException {
        Process started = TestJvm.start(TestBroker.class, log, Map.of(), String.valueOf(port));
        process = started;
        await().atMost(START).pollInterval(Duration.ofMillis(100)).until(() -> {
            if (!started.isAlive()) {
                throw new IllegalStateException("the broker exited before it was ready:\n" + Files.readString(log));
            }
            return Files.readString(log).contains(READY);
        });
    }

    /** Stops the broker as an operator would: it tells its clients it is going. */
    public void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            kill();
        }
    }

    /** Kills the broker as a crash or {@code kill -9} would: its clients learn it only from the closed sockets. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
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
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            stop();
        }
    }

    /** The broker's own JVM: {@code TestBroker <port>}; stops (and tells its clients) on SIGTERM. */
    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        Path data = Path.of("target/test-broker", String.valueOf(port));
        ConfigurationImpl configuration = new ConfigurationImpl();
        configuration.setPersistenceEnabled(false);
        configuration.setSecurityEnabled(false);
        configuration.setJournalDirectory(data.resolve("journal").toString());
        configuration.setBindingsDirectory(data.resolve("bindings").toString());
        configuration.setLargeMessagesDirectory(data.resolve("large").toString());
        configuration.setPagingDirectory(data.resolve("paging").toString());
        configuration.addAcceptorConfiguration("tcp", url(port));
        EmbeddedActiveMQ broker = new EmbeddedActiveMQ().setConfiguration(configuration);
        broker.start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                broker.stop();
            } catch (Exception e) {
                e.printStackTrace();
            }
            stopped.countDown();
        }));
        System.out.println(READY);
        stopped.await();
    }

    private static String url(int port) {
        return "tcp://127.0.0.1:" + port;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
