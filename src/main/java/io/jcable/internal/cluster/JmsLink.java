package io.jcable.internal.cluster;

import io.jcable.config.ClusterConfig;
import io.jcable.internal.threads.CableThreads;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSProducer;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import java.lang.System.Logger.Level;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongConsumer;
import java.util.regex.Pattern;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * The JMS side of the bridge: one thread publishes what this node sends, in order, through one
 * producer: broadcasts (and heartbeats) to the sequence queue, disconnects to the topic, sessions to
 * the sessions queue. One thread sequences: its consumer on the sequence queue is exclusive, so the
 * broker hands every node's broadcasts to one node's sequencer at a time, which positions them and
 * forwards them to the topic in one order. One thread listens on a non-durable subscription of the
 * topic whose selector drops this node's own unsequenced messages (and lets foreign ones through, to
 * be logged and skipped).
 *
 * <p>A connection that breaks is noticed at once by whichever of the provider (the connection's
 * exception listener, where the server allows one), a failed send or a failed receive sees it first,
 * and both directions then reconnect with a doubling wait; each logs when it goes down and when it
 * comes back, not per message. A broadcast is never dropped for a broken link: it waits in the
 * backlog, in order, and is published once the link is back; only an overflowing backlog or a stop
 * while the broker is away loses broadcasts, and those are counted. Local delivery never waits for
 * the broker.
 */
final class JmsLink implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(JmsLink.class.getName());
    private static final long FIRST_RETRY_MILLIS = 100;
    private static final long POLL_MILLIS = 500;
    private static final long HOLD_POLL_MILLIS = 50;
    private static final long TIME_TO_LIVE_MILLIS = 60_000;
    private static final int BACKLOG = 100_000;
    private static final int SEQUENCE_BATCH = 256;
    private static final Pattern SESSION_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final BrokerQueues queues;
    private final ClusterConfig config;
    private final String node;
    private final Consumer<Arrival> received;
    /** Told each time the listener is (back) on the topic, after it learnt the presence of the others. */
    private final Runnable listening;
    private final BlockingQueue<Outgoing> backlog = new ArrayBlockingQueue<>(BACKLOG);
    private final Sequencer sequencer;
    private final long streamIdleMillis;
    private final Thread publisher;
    private final Thread listener;
    private final Thread sequencing;
    private long sequence; // under this
    private JMSContext sessions; // under sessionsLock: taking a session back
    private final Object sessionsLock = new Object();
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong unpublished = new AtomicLong();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();
    private final AtomicLong sequenced = new AtomicLong();
    /** How many times a connection that was up has broken: each direction reconnects when it changes. */
    private final AtomicLong breaks = new AtomicLong();
    private volatile String breakReason = "";
    private volatile boolean running = true;
    private volatile boolean publisherUp;
    private volatile boolean listenerUp;
    private volatile boolean publisherHolding;
    private volatile boolean sequencerUp;

    /** A message from the topic, with where it came from and, for a broadcast, its position (null: none). */
    record Arrival(ClusterMessage message, String origin, long sequence, String epoch, long offset) {
    }

    /** A message waiting to be published, with its number (0: not numbered). */
    private record Outgoing(ClusterMessage message, long sequence) {
    }

    JmsLink(ConnectionFactory factory, ClusterConfig config, String node, long streamIdleMillis, Consumer<Arrival> received,
            Runnable listening, CableThreads threads) {
        this.queues = new BrokerQueues(factory, config);
        this.listening = listening;
        this.config = config;
        this.node = node;
        this.received = received;
        this.sequencer = new Sequencer(streamIdleMillis);
        this.streamIdleMillis = streamIdleMillis;
        this.publisher = threads.startManaged("jcable-cluster-publish", this::publishLoop);
        this.listener = threads.startManaged("jcable-cluster-listen", this::listenLoop);
        this.sequencing = threads.startManaged("jcable-cluster-sequence", this::sequenceLoop);
    }

    /**
     * Starts the link the configuration names: JCable's own Artemis client for
     * {@code jcable.cluster.url}, the server's connection factory (JNDI) for
     * {@code jcable.cluster.connection-factory}.
     */
    static JmsLink open(ClusterConfig config, String node, long streamIdleMillis, Consumer<Arrival> received,
                        Runnable listening, CableThreads threads) {
        ConnectionFactory factory = config.url().isPresent()
                ? ArtemisClient.factory(config.url().get())
                : lookup(config.connectionFactory().get());
        return new JmsLink(factory, config, node, streamIdleMillis, received, listening, threads);
    }

    private static ConnectionFactory lookup(String name) {
        try {
            return (ConnectionFactory) new InitialContext().lookup(name);
        } catch (NamingException | ClassCastException e) {
            throw new IllegalStateException("jcable.cluster.connection-factory: no JMS connection factory at " + name, e);
        }
    }

    /** Queues a message for the other nodes; never blocks (a full backlog counts it as unpublished). */
    void publish(ClusterMessage message) {
        if (!backlog.offer(new Outgoing(message, 0))) {
            unpublished.incrementAndGet();
        }
    }

    /**
     * Queues a broadcast or heartbeat for the sequencer under the next number, which {@code numbered}
     * is told before the message can arrive back; numbers are queued in order, so a copy is known by
     * its number alone. Returns false when the backlog is full (counted as unpublished).
     */
    synchronized boolean publishSequenced(ClusterMessage message, LongConsumer numbered) {
        long number = ++sequence;
        numbered.accept(number);
        if (!backlog.offer(new Outgoing(message, number))) {
            unpublished.incrementAndGet();
            return false;
        }
        return true;
    }

    /** Whether a broadcast sent now is positioned and comes back: publishing, listening and sequencing are up. */
    boolean sequencing() {
        return status().connected();
    }

    /**
     * Takes the session {@code sid} from the broker's sessions queue, once: a consumer with a selector
     * takes it off the queue, so two nodes cannot both restore it. Empty when there is none, it was spent,
     * or the broker is out of reach.
     */
    Optional<String> takeSession(String sid) {
        if (!SESSION_ID.matcher(sid).matches()) {
            return Optional.empty(); // never into a selector
        }
        JMSContext session = null;
        try {
            synchronized (sessionsLock) {
                if (sessions == null) {
                    sessions = connect(breaks.get());
                }
                session = sessionOf(sessions);
            }
            if (session == sessions) {
                synchronized (sessionsLock) { // the connection's own session: one take at a time
                    return take(session, sid);
                }
            }
            try (JMSContext own = session) {
                return take(own, sid); // a session of its own on the shared connection: takes run side by side
            }
        } catch (JMSRuntimeException | JMSException e) {
            LOG.log(Level.INFO, "cluster: could not ask the broker for a session: {0}", e.getMessage());
            synchronized (sessionsLock) {
                closeQuietly(sessions);
                sessions = null;
            }
            return Optional.empty();
        }
    }

    /** A new session on {@code connection}'s connection; the connection's own where the server allows no other (an application server). */
    private static JMSContext sessionOf(JMSContext connection) {
        try {
            return connection.createContext(JMSContext.AUTO_ACKNOWLEDGE);
        } catch (JMSRuntimeException e) {
            return connection;
        }
    }

    /** Takes the last message the sessions queue keeps for {@code sid}, if any: what is there now (no wait). */
    private Optional<String> take(JMSContext session, String sid) throws JMSException {
        try (JMSConsumer consumer = session.createConsumer(session.createQueue(queues.sessions()),
                ClusterMessage.SID + " = '" + sid + "'")) {
            Message message = consumer.receiveNoWait();
            String body = message instanceof TextMessage text ? text.getText() : null;
            return body == null || body.isEmpty() ? Optional.empty() : Optional.of(body);
        }
    }

    ClusterStatus status() {
        return new ClusterStatus(true, publisherUp, listenerUp, sequencerUp, true, published.get(),
                backlog.size() + (publisherHolding ? 1 : 0), unpublished.get(), delivered.get(), skipped.get());
    }

    /** Stops listening at once; publishes what was accepted before the stop first, while the broker is there. */
    @Override
    public void close() {
        running = false;
        listener.interrupt();
        sequencing.interrupt();
        join(publisher);
        join(listener);
        join(sequencing);
        synchronized (sessionsLock) {
            closeQuietly(sessions);
        }
    }

    private void publishLoop() {
        Retry retry = new Retry("publishing");
        Publisher out = null;
        Outgoing message = null; // taken from the backlog, not yet taken by the broker
        long holdUntil = 0;
        while (true) {
            try {
                if (out != null && out.born != breaks.get()) {
                    publisherUp = false; // the provider or the listening side saw the connection break
                    out = closeQuietly(out);
                    retry.failed(breakReason);
                }
                if (out == null) {
                    if (!running) {
                        break;
                    }
                    if (retry.waiting()) {
                        retry.sleep(POLL_MILLIS);
                        continue;
                    }
                    boolean afterOutage = retry.down();
                    out = new Publisher(breaks.get());
                    queues.declare(queues.sequence()); // a send to a queue the broker lacks would make a plain one
                    queues.declare(queues.sessions());
                    queues.declare(queues.presence());
                    publisherUp = true;
                    retry.succeeded();
                    holdUntil = afterOutage && (message != null || !backlog.isEmpty())
                            ? System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(config.retryMaxMillis()) : 0;
                }
                if (message == null) {
                    if (!running && backlog.isEmpty()) {
                        break;
                    }
                    message = backlog.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
                    if (message == null) {
                        continue;
                    }
                    publisherHolding = true;
                }
                if (running && !(listenerUp && sequencerUp)) {
                    // The sequence queue is made by a sequencer's consumer, as exclusive: never by a send.
                    TimeUnit.MILLISECONDS.sleep(HOLD_POLL_MILLIS);
                    continue;
                }
                if (holdUntil != 0 && running && System.nanoTime() < holdUntil) {
                    // What waited out an outage goes once the other nodes listen again: each retries at most
                    // jcable.cluster.retry-max apart, so they are back within that time of this node.
                    TimeUnit.MILLISECONDS.sleep(HOLD_POLL_MILLIS);
                    continue;
                }
                holdUntil = 0;
                out.send(message);
                if (!(message.message() instanceof ClusterMessage.Heartbeat)) {
                    published.incrementAndGet(); // what was broadcast or told, not the link's own upkeep
                }
                message = null;
                publisherHolding = false;
            } catch (InterruptedException e) {
                break;
            } catch (JMSRuntimeException | JMSException e) {
                if (out != null) {
                    broke(out.born, e);
                }
                publisherUp = false;
                out = closeQuietly(out);
                retry.failed(String.valueOf(e.getMessage()));
            }
        }
        long lost = backlog.size() + (message != null ? 1 : 0);
        if (lost > 0) {
            unpublished.addAndGet(lost);
            LOG.log(Level.WARNING, "cluster: stopped while the broker was away; {0,number,#} broadcasts were not published", lost);
        }
        backlog.clear();
        publisherHolding = false;
        closeQuietly(out);
    }

    /**
     * Positions and forwards what the broker hands this node's consumer of the sequence queue: all of it
     * while that consumer is the exclusive one, nothing otherwise. Received, forwarded and acknowledged
     * in one local transaction where the server allows one, so a sequencer that dies hands the broker's
     * unforwarded messages to the next.
     */
    private void sequenceLoop() {
        Retry retry = new Retry("sequencing");
        while (running) {
            JMSContext context = null;
            try {
                context = queues.connectTransacted();
                queues.declare(queues.sequence());
                queues.declare(queues.positions());
                JMSConsumer in = context.createConsumer(context.createQueue(queues.sequence()));
                Queue positions = context.createQueue(queues.positions());
                JMSProducer out = context.createProducer().setDeliveryMode(DeliveryMode.NON_PERSISTENT)
                        .setTimeToLive(TIME_TO_LIVE_MILLIS);
                Topic topic = context.createTopic(config.topic());
                sequencer.newTerm(); // another node may have sequenced meanwhile
                sequencerUp = true;
                retry.succeeded();
                JMSContext browsing = context;
                Function<String, Optional<Sequencer.Position>> stored = stream -> BrokerQueues.lastPosition(browsing, positions, stream);
                while (running) {
                    Message message = in.receive(POLL_MILLIS);
                    Map<String, Sequencer.Position> moved = new HashMap<>();
                    for (int batch = 0; message != null; message = ++batch < SEQUENCE_BATCH ? in.receiveNoWait() : null) {
                        forward(context, out, topic, message, stored, moved);
                    }
                    for (Map.Entry<String, Sequencer.Position> last : moved.entrySet()) {
                        TextMessage position = context.createTextMessage(last.getValue().epoch());
                        position.setStringProperty(ClusterMessage.STREAM, last.getKey());
                        position.setLongProperty(ClusterMessage.OFFSET, last.getValue().offset());
                        out.setTimeToLive(streamIdleMillis).send(positions, position).setTimeToLive(TIME_TO_LIVE_MILLIS);
                    }
                    if (context.getTransacted()) {
                        context.commit(); // the broadcasts, their positions kept, and what was taken from the queue: at once
                    }
                }
            } catch (JMSRuntimeException | JMSException e) {
                sequencerUp = false;
                if (running) {
                    retry.failed(String.valueOf(e.getMessage()));
                }
            } finally {
                sequencerUp = false;
                closeQuietly(context);
            }
            try {
                retry.sleep(Long.MAX_VALUE);
            } catch (InterruptedException e) {
                break;
            }
        }
    }

    /** A broadcast gets its stream's next position (a copy is dropped); a heartbeat goes on as it is. */
    private void forward(JMSContext context, JMSProducer out, Topic topic, Message message,
                         Function<String, Optional<Sequencer.Position>> stored, Map<String, Sequencer.Position> moved)
            throws JMSException {
        String kind = message.getStringProperty(ClusterMessage.KIND);
        String origin = message.getStringProperty(ClusterMessage.ORIGIN);
        long number = message.propertyExists(ClusterMessage.SEQUENCE) ? message.getLongProperty(ClusterMessage.SEQUENCE) : 0;
        if (!(message instanceof TextMessage text) || origin == null || number <= 0 || !sequencer.firstTime(origin, number)) {
            return;
        }
        TextMessage positioned = context.createTextMessage(text.getText());
        for (String name : new String[] {ClusterMessage.KIND, ClusterMessage.ORIGIN, ClusterMessage.STREAM, ClusterMessage.EXCLUDE}) {
            if (message.propertyExists(name)) {
                positioned.setStringProperty(name, message.getStringProperty(name));
            }
        }
        positioned.setLongProperty(ClusterMessage.SEQUENCE, number);
        if (message.propertyExists(ClusterMessage.DELIVERED_HERE)) {
            positioned.setBooleanProperty(ClusterMessage.DELIVERED_HERE, true);
        }
        String stream = message.getStringProperty(ClusterMessage.STREAM);
        if ("broadcast".equals(kind) && stream != null) {
            Sequencer.Position position = sequencer.next(stream, System.currentTimeMillis(), stored);
            moved.put(stream, position);
            positioned.setStringProperty(ClusterMessage.EPOCH, position.epoch());
            positioned.setLongProperty(ClusterMessage.OFFSET, position.offset());
        }
        out.send(topic, positioned);
        sequenced.incrementAndGet();
    }

    private void listenLoop() {
        Retry retry = new Retry("listening");
        Resends resends = new Resends();
        while (running) {
            JMSContext context = null;
            long born = breaks.get();
            boolean up = false;
            try {
                context = connect(born);
                JMSConsumer consumer = context.createConsumer(context.createTopic(config.topic()),
                        ClusterMessage.ORIGIN + " IS NULL OR " + ClusterMessage.ORIGIN + " <> '" + node + "' OR "
                                + ClusterMessage.EPOCH + " IS NOT NULL OR " + ClusterMessage.KIND + " = 'heartbeat'");
                // Holds the sessions queue, made a last-value queue by declare(); it takes nothing.
                queues.declare(queues.sessions());
                queues.declare(queues.presence());
                learnPresence(context);
                listening.run();
                context.createConsumer(context.createQueue(queues.sessions()), ClusterMessage.SID + " = ''");
                up = true;
                listenerUp = true;
                retry.succeeded();
                while (running && born == breaks.get()) {
                    Message message = consumer.receive(POLL_MILLIS);
                    if (message != null) {
                        deliver(message, resends);
                    }
                }
                if (running) {
                    listenerUp = false; // the provider or the publishing side saw the connection break
                    retry.failed(breakReason);
                }
            } catch (JMSRuntimeException | JMSException e) {
                if (up && running) { // not the interrupt of a stop: that must not send the publisher reconnecting
                    broke(born, e);
                }
                listenerUp = false;
                if (running) {
                    retry.failed(String.valueOf(e.getMessage()));
                }
            } finally {
                closeQuietly(context);
            }
            try {
                retry.sleep(Long.MAX_VALUE);
            } catch (InterruptedException e) {
                break;
            }
        }
        listenerUp = false;
    }

    /** A connection opened while {@code born} breaks had been seen has failed: the first report marks both directions down. */
    private void broke(long born, Exception e) {
        if (breaks.compareAndSet(born, born + 1)) {
            breakReason = String.valueOf(e.getMessage());
            publisherUp = false;
            listenerUp = false;
        }
    }

    private void deliver(Message message, Resends resends) throws JMSException {
        ClusterMessage read = message instanceof TextMessage text ? read(message, text.getText()) : null;
        if (read == null) {
            skipped.incrementAndGet();
            LOG.log(Level.WARNING, "cluster: skipped a message on topic {0} that no JCable node sent ({1}, {2} {3})",
                    config.topic(), message.getClass().getSimpleName(), ClusterMessage.KIND,
                    message.getStringProperty(ClusterMessage.KIND));
            return;
        }
        long sequence = message.propertyExists(ClusterMessage.SEQUENCE) ? message.getLongProperty(ClusterMessage.SEQUENCE) : 0;
        String origin = message.getStringProperty(ClusterMessage.ORIGIN);
        if (!resends.firstTime(origin, sequence)) {
            LOG.log(Level.DEBUG, "cluster: dropped a second copy of message {0,number,#} from node {1}", sequence, origin);
            return;
        }
        String epoch = message.getStringProperty(ClusterMessage.EPOCH);
        long offset = epoch == null ? 0 : message.getLongProperty(ClusterMessage.OFFSET);
        try {
            received.accept(new Arrival(read, origin, sequence, epoch, offset));
            if (!node.equals(origin) && !(read instanceof ClusterMessage.Heartbeat)) {
                delivered.incrementAndGet();
            }
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "cluster: could not deliver a " + read.kind() + " from another node", e);
        }
    }

    private static ClusterMessage read(Message message, String body) throws JMSException {
        String kind = message.getStringProperty(ClusterMessage.KIND);
        String stream = message.getStringProperty(ClusterMessage.STREAM);
        if ("presence".equals(kind)) {
            return ClusterMessage.readPresence(stream, message.getStringProperty(ClusterMessage.HOLDER), body);
        }
        if ("whisper".equals(kind)) {
            return ClusterMessage.readWhisper(stream, body);
        }
        return ClusterMessage.read(kind, stream, message.getStringProperty(ClusterMessage.EXCLUDE),
                message.propertyExists(ClusterMessage.DELIVERED_HERE), body);
    }

    /** What the presence queue says other nodes hold now: for a node that starts, or comes back, to learn it. */
    private void learnPresence(JMSContext context) throws JMSException {
        try (QueueBrowser browser = context.createBrowser(context.createQueue(queues.presence()),
                ClusterMessage.HOLDER + " <> '" + node + "'")) {
            Enumeration<?> held = browser.getEnumeration();
            while (held.hasMoreElements()) {
                Message message = (Message) held.nextElement();
                if (message instanceof TextMessage text && read(message, text.getText()) instanceof ClusterMessage.PresenceChanged change
                        && change.info() != null) {
                    received.accept(new Arrival(change, change.holder(), 0, null, 0));
                }
            }
        }
    }

    private JMSContext connect(long born) {
        JMSContext context = queues.connect();
        try {
            context.setExceptionListener(e -> broke(born, e));
        } catch (JMSRuntimeException e) {
            // Application servers do not allow exception listeners; a failed receive or send tells instead.
        }
        return context;
    }

    private static Publisher closeQuietly(Publisher publisher) {
        if (publisher != null) {
            closeQuietly(publisher.context);
        }
        return null;
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

    /** The publishing side of one connection, and how many breaks had been seen when it opened. */
    private final class Publisher {
        final long born;
        final JMSContext context;
        final Topic topic;
        final Queue sequenceQueue;
        final Queue sessionsQueue;
        final Queue presenceQueue;
        final JMSProducer producer;

        Publisher(long born) {
            this.born = born;
            this.context = connect(born);
            try {
                this.topic = context.createTopic(config.topic());
                this.sequenceQueue = context.createQueue(queues.sequence());
                this.sessionsQueue = context.createQueue(queues.sessions());
                this.presenceQueue = context.createQueue(queues.presence());
                this.producer = context.createProducer().setDeliveryMode(DeliveryMode.NON_PERSISTENT)
                        .setTimeToLive(TIME_TO_LIVE_MILLIS).setProperty(ClusterMessage.ORIGIN, node);
            } catch (RuntimeException e) {
                closeQuietly(context);
                throw e;
            }
        }

        /** Sends one message: a resend after a break keeps its number, so copies are dropped. */
        void send(Outgoing outgoing) throws JMSException {
            ClusterMessage message = outgoing.message();
            TextMessage text = context.createTextMessage(message.body());
            text.setStringProperty(ClusterMessage.KIND, message.kind());
            if (outgoing.sequence() > 0) {
                text.setLongProperty(ClusterMessage.SEQUENCE, outgoing.sequence());
            }
            if (message.stream() != null) {
                text.setStringProperty(ClusterMessage.STREAM, message.stream());
            }
            if (message.excludeSocket() != null) {
                text.setStringProperty(ClusterMessage.EXCLUDE, message.excludeSocket());
            }
            if (message instanceof ClusterMessage.Published published && published.deliveredHere()) {
                text.setBooleanProperty(ClusterMessage.DELIVERED_HERE, true);
            }
            if (message instanceof ClusterMessage.PresenceChanged change) {
                text.setStringProperty(ClusterMessage.HOLDER, change.holder());
                text.setStringProperty(ClusterMessage.PRESENCE_KEY, change.key());
                // The queue first: a node that learns from it while the topic brings the news misses nothing.
                producer.setTimeToLive(change.info() == null ? TIME_TO_LIVE_MILLIS * 60 : 0).send(presenceQueue, text)
                        .setTimeToLive(TIME_TO_LIVE_MILLIS).send(topic, text);
            } else if (message instanceof ClusterMessage.SessionSaved session) {
                text.setStringProperty(ClusterMessage.SID, session.sid());
                producer.setTimeToLive(session.ttlMillis()).send(sessionsQueue, text).setTimeToLive(TIME_TO_LIVE_MILLIS);
            } else if (outgoing.sequence() > 0) {
                producer.send(sequenceQueue, text);
            } else {
                producer.send(topic, text);
            }
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
                        down ? " again (" + (backlog.size() + (publisherHolding ? 1 : 0)) + " broadcasts waiting, "
                                + unpublished.get() + " lost so far)" : "");
            }
            down = false;
            everUp = true;
            waitMillis = FIRST_RETRY_MILLIS;
        }

        void failed(String reason) {
            if (!down) {
                LOG.log(Level.WARNING, "cluster: broker unreachable, {0} stopped: {1}; retrying at most {2,number,#} ms apart; "
                        + "local delivery goes on, broadcasts wait", direction, reason, config.retryMaxMillis());
            }
            down = true;
            nextAttempt = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMillis);
            waitMillis = Math.min(waitMillis * 2, config.retryMaxMillis());
        }

        boolean down() {
            return down;
        }

        boolean waiting() {
            return down && System.nanoTime() < nextAttempt;
        }

        /** Sleeps until the next attempt is due, or for at most {@code maxMillis}. */
        void sleep(long maxMillis) throws InterruptedException {
            long left = Math.min(nextAttempt - System.nanoTime(), TimeUnit.MILLISECONDS.toNanos(maxMillis));
            if (down && left > 0) {
                TimeUnit.NANOSECONDS.sleep(left);
            }
        }
    }
}
