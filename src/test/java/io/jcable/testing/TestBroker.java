package io.jcable.testing;

import static org.awaitility.Awaitility.await;

import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.QueueConnection;
import jakarta.jms.QueueRequestor;
import jakarta.jms.QueueSession;
import jakarta.jms.Session;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.activemq.artemis.api.core.management.ResourceNames;
import org.apache.activemq.artemis.api.jms.management.JMSManagementHelper;
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

    /**
     * Pauses (or resumes) the broker's delivery to the subscriptions of {@code topic} whose selector names
     * {@code node}: that node stops hearing the cluster and nothing else changes (it still publishes,
     * its sequencer still runs), through the broker's management address.
     */
    public void pauseSubscriptionsOf(String topic, String node, boolean pause) {
        try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(url());
             QueueConnection connection = factory.createQueueConnection()) {
            QueueSession session = connection.createQueueSession(false, Session.AUTO_ACKNOWLEDGE);
            QueueRequestor requestor = new QueueRequestor(session, session.createQueue("activemq.management"));
            connection.start();
            Object[] queues = (Object[]) manage(session, requestor, ResourceNames.ADDRESS + topic, "queueNames", false);
            int paused = 0;
            for (Object queue : queues) {
                Object filter = manage(session, requestor, ResourceNames.QUEUE + queue, "filter", false);
                if (filter != null && filter.toString().contains(node)) {
                    manage(session, requestor, ResourceNames.QUEUE + queue, pause ? "pause" : "resume", true);
                    paused++;
                }
            }
            if (paused == 0) {
                throw new IllegalStateException("no subscription of " + topic + " names node " + node);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object manage(QueueSession session, QueueRequestor requestor, String resource, String name, boolean operation)
            throws Exception {
        Message request = session.createMessage();
        if (operation) {
            JMSManagementHelper.putOperationInvocation(request, resource, name);
        } else {
            JMSManagementHelper.putAttribute(request, resource, name);
        }
        Message reply = requestor.request(request);
        if (!JMSManagementHelper.hasOperationSucceeded(reply)) {
            throw new IllegalStateException(resource + " " + name + ": " + JMSManagementHelper.getResult(reply));
        }
        return JMSManagementHelper.getResult(reply);
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
