package io.jcable.server;

import io.jcable.broadcast.Disconnect;
import io.jcable.broadcast.StreamRegistry;
import io.jcable.channel.CableRequest;
import io.jcable.channel.Identity;
import io.jcable.config.CableConfig;
import io.jcable.protocol.DisconnectReason;
import io.jcable.protocol.Frames;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Reception;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason.CloseCodes;
import jakarta.websocket.Session;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The one owner of all open connections: the global ping timer (one for all connections, every
 * 3 s, as ActionCable), the check for stalled sockets, and the graceful shutdown that tells every
 * client {@code server_restart} before the server goes.
 */
@ApplicationScoped
public class ConnectionRegistry {

    private static final System.Logger LOG = System.getLogger(ConnectionRegistry.class.getName());
    private static final long PING_SECONDS = 3;

    @Inject
    CableConfig config;

    @Inject
    StreamRegistry streams;

    private final Set<CableConnection> connections = ConcurrentHashMap.newKeySet();
    private final AtomicLong ids = new AtomicLong();
    private final AtomicBoolean shuttingDown = new AtomicBoolean();
    private final Object emptied = new Object();
    private ScheduledExecutorService timer;
    private ThreadPoolExecutor closer;
    private Admission admission;
    private final ServerCounters counters = new ServerCounters();

    @PostConstruct
    void start() {
        admission = new Admission(config.limits());
        timer = Executors.newSingleThreadScheduledExecutor(daemon("jcable-ping"));
        timer.scheduleAtFixedRate(this::tick, PING_SECONDS, PING_SECONDS, TimeUnit.SECONDS);
        // Closes run here, off the IO and delivery threads: closing may write to a socket that does not drain.
        closer = new ThreadPoolExecutor(2, 2, 10, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), daemon("jcable-close"));
        closer.allowCoreThreadTimeOut(true);
    }

    @PreDestroy
    void stop() {
        shutdown();
        timer.shutdownNow();
        closer.shutdown();
        await(closer);
    }

    /** A new connection on {@code session}, ended by {@code cleanup} once its socket is closed. */
    CableConnection open(Session session, RawSocket raw, CableRequest request, Consumer<CableConnection> cleanup) {
        ConnectionServices services = new ConnectionServices(config.outboundQueue(),
                config.limits().maxCommandsPerSecond(), counters, closer, cleanup);
        return new CableConnection(ids.incrementAndGet(), session, raw, request, services);
    }

    public ServerCounters counters() {
        return counters;
    }

    /** Counts a new socket in (jcable.max-connections, per address); null, or why it is refused. */
    Admission.Refusal admit(CableConnection connection) {
        Admission.Refusal refusal = admission.admit(connection.request().remoteAddress());
        if (refusal == null) {
            connection.countIn();
            counters.admitted.increment();
        } else {
            counters.refused.increment();
        }
        return refusal;
    }

    /** Counts a closed socket out, once, if it was counted in. */
    void release(CableConnection connection) {
        if (connection.countOut()) {
            admission.release(connection.request().remoteAddress());
        }
    }

    /** Sockets counted in, identified or not yet. */
    public int openSockets() {
        return admission.open();
    }

    /** Remote addresses with a socket counted in. */
    public int addresses() {
        return admission.addresses();
    }

    void add(CableConnection connection) {
        connections.add(connection);
    }

    boolean remove(CableConnection connection) {
        boolean removed = connections.remove(connection);
        if (removed && connections.isEmpty()) {
            synchronized (emptied) {
                emptied.notifyAll();
            }
        }
        return removed;
    }

    /** Open, identified connections. */
    public int size() {
        return connections.size();
    }

    /** Subscriptions of all open connections, counted as they change: no connection's lock is taken. */
    public int subscriptionCount() {
        return (int) counters.subscriptions();
    }

    public boolean isShuttingDown() {
        return shuttingDown.get();
    }

    /** Pings every connection, and drops those whose socket has accepted nothing for too long. */
    private void tick() {
        try {
            String ping = Frames.ping(Instant.now().getEpochSecond());
            long now = System.nanoTime();
            long timeout = TimeUnit.MILLISECONDS.toNanos(config.sendTimeoutMillis());
            for (CableConnection connection : connections) {
                if (connection.stalledNanos(now) > timeout) {
                    connection.drop("its socket accepted nothing for " + config.sendTimeoutMillis()
                            + " ms (jcable.send-timeout)", true);
                } else {
                    connection.send(ping);
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "ping round failed", e); // the timer must survive anything
        }
    }

    /**
     * Stops the server's side of every connection: broadcasts already accepted are handed to the
     * sockets first, then every client gets {@code server_restart} (reconnect true) and its socket
     * closes. Waits up to {@code jcable.shutdown-grace}. Safe to call more than once.
     */
    public void shutdown() {
        if (!shuttingDown.compareAndSet(false, true)) {
            return;
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(config.shutdownGraceMillis());
        try {
            // Whatever was accepted reaches the sockets before the disconnect; later broadcasts are refused.
            streams.stopAccepting();
            streams.drain(Duration.ofMillis(config.shutdownGraceMillis()));
            List<CableConnection> open = List.copyOf(connections);
            if (!open.isEmpty()) {
                LOG.log(Level.INFO, "stopping: telling {0} clients to reconnect (server_restart)", String.valueOf(open.size()));
            }
            open.forEach(c -> c.disconnect(DisconnectReason.SERVER_RESTART, true, CloseCodes.GOING_AWAY));
            synchronized (emptied) {
                long left;
                while (!connections.isEmpty() && (left = deadline - System.nanoTime()) > 0) {
                    emptied.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        connections.forEach(c -> c.drop("still open when the shutdown grace ran out", false));
    }

    /**
     * Disconnects every open connection whose identity has all of {@code identifiers}: each gets
     * {@code disconnect} with reason {@code remote} and is closed. This node only; the cluster
     * bridge calls it for disconnects fired on other nodes.
     *
     * @return how many connections were told
     */
    public int disconnect(Map<String, String> identifiers, boolean reconnect) {
        int count = 0;
        for (CableConnection connection : connections) {
            Identity identity = connection.identity();
            if (identity != null && identity.identifiers().entrySet().containsAll(identifiers.entrySet())) {
                connection.disconnect(DisconnectReason.REMOTE, reconnect, CloseCodes.NORMAL_CLOSURE);
                count++;
            }
        }
        LOG.log(Level.INFO, "remote disconnect of {0} (reconnect {1}): {2} connections here", identifiers, reconnect, String.valueOf(count));
        return count;
    }

    void onDisconnect(@Observes(during = TransactionPhase.AFTER_SUCCESS) Disconnect request) {
        disconnect(request.identifiers(), request.reconnect());
    }

    void onShutdown(@Observes(notifyObserver = Reception.IF_EXISTS) @BeforeDestroyed(ApplicationScoped.class) Object event) {
        shutdown();
    }

    private static void await(ExecutorService executor) {
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    /** Threads with the deploying thread's context class loader, whichever thread happens to start them. */
    private static ThreadFactory daemon(String name) {
        AtomicInteger count = new AtomicInteger();
        ClassLoader application = Thread.currentThread().getContextClassLoader();
        return task -> {
            Thread thread = new Thread(task, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            thread.setContextClassLoader(application);
            return thread;
        };
    }
}
