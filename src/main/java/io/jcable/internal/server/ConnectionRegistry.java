package io.jcable.internal.server;

import io.jcable.broadcast.Disconnect;
import io.jcable.channel.CableRequest;
import io.jcable.channel.Identity;
import io.jcable.config.CableConfig;
import io.jcable.internal.protocol.DisconnectReason;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason.CloseCodes;
import jakarta.websocket.Session;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The one owner of all open connections: who is connected (and, through {@link Admission}, how
 * many sockets each address holds), and the remote disconnect of a user's connections. The ping
 * timer is {@link Heartbeat}'s, socket closes run on {@link SocketCloser}, the stop is
 * {@link GracefulShutdown}'s.
 */
@ApplicationScoped
public class ConnectionRegistry {

    private static final System.Logger LOG = System.getLogger(ConnectionRegistry.class.getName());

    @Inject
    CableConfig config;

    @Inject
    SocketCloser closer;

    private final Set<CableConnection> connections = ConcurrentHashMap.newKeySet();
    private final AtomicLong ids = new AtomicLong();
    private final Object emptied = new Object();
    private final ServerCounters counters = new ServerCounters();
    private Admission admission;

    @PostConstruct
    void start() {
        admission = new Admission(config.limits());
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

    /** Every open, identified connection, now. */
    List<CableConnection> all() {
        return List.copyOf(connections);
    }

    /** Waits until no connection is left, or until {@code deadline} ({@link System#nanoTime}). */
    void awaitEmpty(long deadline) throws InterruptedException {
        synchronized (emptied) {
            long left;
            while (!connections.isEmpty() && (left = deadline - System.nanoTime()) > 0) {
                emptied.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            }
        }
    }

    /** Subscriptions of all open connections, counted as they change: no connection's lock is taken. */
    public int subscriptionCount() {
        return (int) counters.subscriptions();
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
        LOG.log(Level.INFO, "remote disconnect of {0} (reconnect {1}): {2,number,#} connections here", identifiers, reconnect, count);
        return count;
    }

    void onDisconnect(@Observes(during = TransactionPhase.AFTER_SUCCESS) Disconnect request) {
        disconnect(request.identifiers(), request.reconnect());
    }
}
