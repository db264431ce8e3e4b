package io.jcable.cluster;

import io.jcable.config.ClusterConfig;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSProducer;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import java.lang.System.Logger.Level;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * The JMS side of the bridge: one thread publishes what this node broadcasts, in order, through one
 * producer; one thread listens on a non-durable subscription whose selector drops this node's own
 * messages (and lets foreign ones through, to be logged and skipped). Each reconnects on its own with a doubling wait, and logs when its link goes down and
 * when it comes back, not per message. What cannot be published while the broker is away is
 * counted and dropped: local delivery never waits for the broker.
 */
final class JmsLink implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(JmsLink.class.getName());
    private static final long FIRST_RETRY_MILLIS = 100;
    private static final long POLL_MILLIS = 500;
    private static final long TIME_TO_LIVE_MILLIS = 60_000;
    private static final int OUTBOX = 100_000;

    private final ConnectionFactory factory;
    private final ClusterConfig config;
    private final String node;
    private final Consumer<ClusterMessage> received;
    private final BlockingQueue<ClusterMessage> outbox = new ArrayBlockingQueue<>(OUTBOX);
    private final Thread publisher;
    private final Thread listener;
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong unpublished = new AtomicLong();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();
    private volatile boolean running = true;
    private volatile boolean publisherUp;
    private volatile boolean listenerUp;

    JmsLink(ConnectionFactory factory, ClusterConfig config, String node, Consumer<ClusterMessage> received, ThreadFactory threads) {
        this.factory = factory;
        this.config = config;
        this.node = node;
        this.received = received;
        this.publisher = threads.newThread(this::publishLoop);
        this.listener = threads.newThread(this::listenLoop);
        publisher.setName("jcable-cluster-publish");
        listener.setName("jcable-cluster-listen");
        publisher.setDaemon(true);
        listener.setDaemon(true);
        publisher.start();
        listener.start();
    }

    /**
     * Starts the link the configuration names: JCable's own Artemis client for
     * {@code jcable.cluster.url}, the server's connection factory (JNDI) for
     * {@code jcable.cluster.connection-factory}. Its threads come from the server's managed thread
     * factory when there is one.
     */
    static JmsLink open(ClusterConfig config, String node, Consumer<ClusterMessage> received) {
        ConnectionFactory factory = config.url().isPresent()
                ? ArtemisClient.factory(config.url().get())
                : lookup(config.connectionFactory().get());
        return new JmsLink(factory, config, node, received, threads());
    }

    private static ConnectionFactory lookup(String name) {
        try {
            return (ConnectionFactory) new InitialContext().lookup(name);
        } catch (NamingException | ClassCastException e) {
            throw new IllegalStateException("jcable.cluster.connection-factory: no JMS connection factory at " + name, e);
        }
    }

    private static ThreadFactory threads() {
        try {
            return (ThreadFactory) new InitialContext().lookup("java:comp/DefaultManagedThreadFactory");
        } catch (NamingException | RuntimeException e) {
            return Executors.defaultThreadFactory();
        }
    }

    /** Queues a message for the other nodes; never blocks (a full queue counts it as unpublished). */
    void publish(ClusterMessage message) {
        if (!outbox.offer(message)) {
            unpublished.incrementAndGet();
        }
    }

    /** Counts since start: published, could not publish, delivered from other nodes, foreign or malformed skipped. */
    Counts counts() {
        return new Counts(publisherUp && listenerUp, published.get(), unpublished.get(), delivered.get(), skipped.get());
    }

    record Counts(boolean connected, long published, long unpublished, long delivered, long skipped) {
    }

    /** Stops listening at once; publishes what was accepted before the stop first, while the broker is there. */
    @Override
    public void close() {
        running = false;
        listener.interrupt();
        join(publisher);
        join(listener);
    }

    private void publishLoop() {
        Retry retry = new Retry("publishing");
        JMSContext context = null;
        JMSProducer producer = null;
        Topic topic = null;
        while (running || (context != null && !outbox.isEmpty())) {
            ClusterMessage message = null;
            try {
                if (context == null && !retry.waiting()) {
                    context = connect();
                    topic = context.createTopic(config.topic());
                    producer = context.createProducer().setDeliveryMode(DeliveryMode.NON_PERSISTENT)
                            .setTimeToLive(TIME_TO_LIVE_MILLIS).setProperty(ClusterMessage.ORIGIN, node);
                    publisherUp = true;
                    retry.succeeded();
                }
                message = outbox.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
                if (message == null) {
                    continue;
                }
                if (context == null) {
                    unpublished.incrementAndGet(); // the broker is away: local delivery does not wait for it
                    continue;
                }
                TextMessage text = context.createTextMessage(message.body());
                text.setStringProperty(ClusterMessage.KIND, message.kind());
                if (message.stream() != null) {
                    text.setStringProperty(ClusterMessage.STREAM, message.stream());
                }
                producer.send(topic, text);
                published.incrementAndGet();
            } catch (InterruptedException e) {
                break;
            } catch (JMSRuntimeException | JMSException e) {
                if (message != null) {
                    unpublished.incrementAndGet();
                }
                publisherUp = false;
                closeQuietly(context);
                context = null;
                retry.failed(e);
            }
        }
        unpublished.addAndGet(outbox.size()); // left behind by a stop while the broker was away
        outbox.clear();
        closeQuietly(context);
    }

    private void listenLoop() {
        Retry retry = new Retry("listening");
        while (running) {
            JMSContext context = null;
            try {
                context = connect();
                JMSConsumer consumer = context.createConsumer(context.createTopic(config.topic()),
                        ClusterMessage.ORIGIN + " IS NULL OR " + ClusterMessage.ORIGIN + " <> '" + node + "'");
                listenerUp = true;
                retry.succeeded();
                while (running) {
                    Message message = consumer.receive(POLL_MILLIS);
                    if (message != null) {
                        deliver(message);
                    }
                }
            } catch (JMSRuntimeException | JMSException e) {
                listenerUp = false;
                if (running) {
                    retry.failed(e);
                }
            } finally {
                closeQuietly(context);
            }
            try {
                retry.sleep();
            } catch (InterruptedException e) {
                break;
            }
        }
    }

    private void deliver(Message message) throws JMSException {
        ClusterMessage read = message instanceof TextMessage text
                ? ClusterMessage.read(message.getStringProperty(ClusterMessage.KIND),
                        message.getStringProperty(ClusterMessage.STREAM), text.getText())
                : null;
        if (read == null) {
            skipped.incrementAndGet();
            LOG.log(Level.WARNING, "cluster: skipped a message on topic {0} that no JCable node sent ({1}, {2} {3})",
                    config.topic(), message.getClass().getSimpleName(), ClusterMessage.KIND,
                    message.getStringProperty(ClusterMessage.KIND));
            return;
        }
        try {
            received.accept(read);
            delivered.incrementAndGet();
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "cluster: could not deliver a " + read.kind() + " from another node", e);
        }
    }

    private JMSContext connect() {
        JMSContext context = config.user().isPresent()
                ? factory.createContext(config.user().get(), config.password().orElse(null))
                : factory.createContext();
        try {
            context.setExceptionListener(e -> LOG.log(Level.DEBUG, "cluster: connection failed: {0}", e.getMessage()));
        } catch (JMSRuntimeException e) {
            // Application servers do not allow exception listeners; a failed receive or send tells instead.
        }
        return context;
    }

    private static void closeQuietly(JMSContext context) {
        if (context != null) {
            try {
                context.close();
            } catch (RuntimeException e) {
                LOG.log(Level.DEBUG, "cluster: close failed: {0}", e.getMessage());
            }
        }
    }

    private static void join(Thread thread) {
        try {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One direction's link state: logs each change once, and spaces attempts by a doubling wait. */
    private final class Retry {
        private final String direction;
        private long waitMillis = FIRST_RETRY_MILLIS;
        private long nextAttempt;
        private boolean down;
        private boolean everUp;

        Retry(String direction) {
            this.direction = direction;
        }

        void succeeded() {
            if (down || !everUp) {
                LOG.log(Level.INFO, "cluster: {0} ({1}, node {2}){3}", direction, config.describe(), node,
                        down ? " again (" + unpublished.get() + " broadcasts could not be published so far)" : "");
            }
            down = false;
            everUp = true;
            waitMillis = FIRST_RETRY_MILLIS;
        }

        void failed(Exception e) {
            if (!down) {
                LOG.log(Level.WARNING, "cluster: broker unreachable, {0} stopped: {1}; retrying at most {2} ms apart; "
                        + "local delivery goes on", direction, String.valueOf(e.getMessage()), String.valueOf(config.retryMaxMillis()));
            }
            down = true;
            nextAttempt = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMillis);
            waitMillis = Math.min(waitMillis * 2, config.retryMaxMillis());
        }

        boolean waiting() {
            return down && System.nanoTime() < nextAttempt;
        }

        void sleep() throws InterruptedException {
            long left = nextAttempt - System.nanoTime();
            if (down && left > 0) {
                TimeUnit.NANOSECONDS.sleep(left);
            }
        }
    }
}
