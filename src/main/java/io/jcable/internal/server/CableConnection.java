package io.jcable.internal.server;

import io.jcable.channel.CableRequest;
import io.jcable.channel.Identity;
import io.jcable.internal.protocol.DisconnectReason;
import io.jcable.internal.protocol.Frames;
import io.jcable.internal.protocol.Subprotocols;
import io.jcable.internal.protocol.WireFrame;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

/**
 * One client connection: its socket, who it is, its outbound queue, its subscriptions by identifier,
 * and its {@link ConnectionPhase}. Commands and the final cleanup run under this object's lock, so a
 * close started by the server (slow client, shutdown) never overlaps a command in progress.
 */
public final class CableConnection implements Outbox.Owner {

    private static final System.Logger LOG = System.getLogger(CableConnection.class.getName());

    private final long id;
    private final Session session;
    private final CableRequest request;
    private final Outbox outbox;
    private final CommandBudget commands;
    private final ConnectionServices services;
    private final AtomicReference<ConnectionPhase> phase = new AtomicReference<>(ConnectionPhase.OPENING);
    /** Whether this socket holds a place under jcable.max-connections: given back once, at the end. */
    private final AtomicBoolean countedIn = new AtomicBoolean();
    private final Map<String, SubscriptionHandle> subscriptions = new LinkedHashMap<>();
    private volatile Identity identity;
    /** Whether the client speaks AnyCable's extended protocol. */
    private final boolean extended;
    /** The extended protocol's session id, once welcomed. */
    private volatile String sid;
    /** Its socket id without the extended protocol, made when an action first broadcasts "to others". */
    private volatile String plainSocketId;
    /** False once the server ended the connection for good (unauthorized, a remote disconnect): no restore then. */
    private volatile boolean restorable = true;
    private volatile long sharedAt = System.nanoTime();
    /** When the client last answered a ping with a pong (the extended protocol), or opened. */
    private volatile long lastPongNanos = System.nanoTime();
    /** Written once, by the disconnect that won, before its frame is queued. */
    private volatile CloseReason closeAfterFlush;
    /**
     * Done when the endpoint's onOpen has returned. A close must wait for it: Payara (Grizzly) still
     * owes the client its HTTP 101 while onOpen runs, and a socket closed then reaches the client
     * as frames without a handshake (seen refusing a bad token; Tyrus issue 389 is the same family).
     */
    private final CompletableFuture<Void> upgraded = new CompletableFuture<>();

    CableConnection(long id, Session session, RawSocket raw, CableRequest request, ConnectionServices services) {
        this.id = id;
        this.session = session;
        this.request = request;
        this.services = services;
        this.commands = new CommandBudget(services.maxCommandsPerSecond(), System.nanoTime());
        this.outbox = new Outbox(session.getAsyncRemote(), raw, services.outboundQueue(), this);
        this.extended = Subprotocols.V1_EXT_JSON.equals(session.getNegotiatedSubprotocol());
    }

    /** Whether the client negotiated AnyCable's extended protocol. */
    public boolean extended() {
        return extended;
    }

    String sid() {
        return sid;
    }

    void sid(String sid) {
        this.sid = sid;
    }

    /**
     * Its socket id for "broadcast to others": the extended protocol's sid (the client knows it from
     * its welcome and sends it as {@code X-Socket-ID}), else an id of its own, made on first use.
     */
    String socketId() {
        String current = knownSocketId();
        if (current == null) {
            synchronized (this) {
                if (plainSocketId == null) {
                    plainSocketId = "p-" + UUID.randomUUID();
                }
                current = plainSocketId;
            }
        }
        return current;
    }

    /** Its socket id if it has one yet, else null; makes none. */
    String knownSocketId() {
        String current = sid;
        return current != null ? current : plainSocketId;
    }

    /** Whether its session may be restored: the client went away, or the server restarts or found it slow. */
    boolean restorable() {
        return restorable;
    }

    public long id() {
        return id;
    }

    public CableRequest request() {
        return request;
    }

    /** Null until the connection handler has identified the client. */
    public Identity identity() {
        return identity;
    }

    ConnectionPhase phase() {
        return phase.get();
    }

    /** Records who the client is and opens the connection; false when an ending came first. */
    boolean identified(Identity identity) {
        this.identity = identity;
        return phase.compareAndSet(ConnectionPhase.OPENING, ConnectionPhase.OPEN);
    }

    /** Whether the client's commands are carried out: identified, and no ending begun. */
    boolean isOpen() {
        return phase.get() == ConnectionPhase.OPEN;
    }

    /** Queues a frame for this client; never blocks. */
    public void send(String frame) {
        outbox.offer(WireFrame.of(frame));
    }

    /** Queues one frame shared with other connections; never blocks. */
    void send(WireFrame frame) {
        outbox.offer(frame);
    }

    /** The frames its queue may hold (jcable.outbound-queue). */
    int outboundQueueSize() {
        return services.outboundQueue();
    }

    /** Queues frames shared with other connections, to leave together; never blocks. */
    void send(List<WireFrame> frames) {
        outbox.offer(frames);
    }

    /** Sends ActionCable's {@code disconnect} frame, then closes the socket once it has left. */
    public void disconnect(DisconnectReason reason, boolean reconnect, CloseReason.CloseCodes code) {
        disconnect(reason, reconnect, code, reason.wireName());
    }

    /**
     * The same, with {@code why} in the close frame (at most 123 bytes). Only the first ending counts:
     * a later disconnect, or one after a drop, does nothing.
     *
     * @return whether this call ended the connection
     */
    boolean disconnect(DisconnectReason reason, boolean reconnect, CloseReason.CloseCodes code, String why) {
        if (!advance(ConnectionPhase::canDisconnect, ConnectionPhase.DISCONNECTING)) {
            return false;
        }
        restorable = reason.keepsSession();
        closeAfterFlush = new CloseReason(code, why);
        outbox.offer(WireFrame.of(Frames.disconnect(reason, reconnect)));
        outbox.finish();
        return true;
    }

    /**
     * Closes at once, without a disconnect frame: for a client that cannot take any more. Also ends a
     * disconnect whose frame cannot leave.
     *
     * @param slow whether the client is dropped for not reading (counted for operators)
     */
    void drop(String reason, boolean slow) {
        if (!advance(ConnectionPhase::canClose, ConnectionPhase.CLOSING)) {
            return;
        }
        if (slow) {
            services.counters().slowClientsDropped.increment();
        }
        // A send that fails because the client has just closed is the usual race, not news.
        LOG.log(slow || session.isOpen() ? Level.WARNING : Level.DEBUG, "{0}: dropped: {1}", this, reason);
        outbox.stop();
        closeSocket(new CloseReason(CloseReason.CloseCodes.TRY_AGAIN_LATER, "too slow"));
    }

    long stalledNanos(long now) {
        return outbox.stalledNanos(now);
    }

    /** The client's pong: it is alive. */
    void ponged(long now) {
        lastPongNanos = now;
    }

    /** How long the client has gone without a pong. */
    long sincePongNanos(long now) {
        return now - lastPongNanos;
    }

    /**
     * Ends a client that reads too slowly. One of the extended protocol is told {@code too_slow}
     * (reconnect true) in place of what waited for it: its socket still takes frames, only not fast
     * enough, and it restores its session and catches up from the history. Any other is dropped, as
     * Rails drops it.
     */
    void tooSlow(String reason) {
        WireFrame last = tooSlowFrame(reason);
        if (last == null || !outbox.replaceWith(last)) {
            drop(reason, true);
        }
    }

    /** For an extended client still open: the connection is ending, and this is its last frame. Else null. */
    private WireFrame tooSlowFrame(String reason) {
        if (!extended || !advance(ConnectionPhase::canDisconnect, ConnectionPhase.DISCONNECTING)) {
            return null;
        }
        services.counters().slowClientsDropped.increment();
        LOG.log(Level.WARNING, "{0}: disconnected (too_slow): {1}", this, reason);
        closeAfterFlush = new CloseReason(CloseReason.CloseCodes.TRY_AGAIN_LATER, "too slow");
        return WireFrame.of(Frames.disconnect(DisconnectReason.TOO_SLOW, true));
    }

    int queuedFrames() {
        return outbox.size();
    }

    @Override
    public WireFrame outboxFailed(String reason, boolean overflowed) {
        if (!overflowed) {
            drop(reason, false);
            return null;
        }
        services.counters().queueOverflows.increment();
        WireFrame last = tooSlowFrame(reason);
        if (last == null) {
            drop(reason, true);
        }
        return last;
    }

    @Override
    public void outboxFlushed() {
        if (phase.compareAndSet(ConnectionPhase.DISCONNECTING, ConnectionPhase.CLOSING)) {
            closeSocket(closeAfterFlush);
        }
    }

    /**
     * Closes the socket off the caller's thread (a close may write to a socket that is not draining),
     * then ends the connection, in case the container never reports the close.
     */
    private void closeSocket(CloseReason reason) {
        upgraded.thenRunAsync(() -> {
            try {
                if (session.isOpen()) {
                    session.close(reason);
                }
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.DEBUG, "{0}: close failed: {1}", this, e);
            }
            services.cleanup().accept(this);
        }, services.closer());
    }

    /** Called once onOpen has returned: from then on the socket may be closed. */
    void upgradeDone() {
        upgraded.complete(null);
    }

    /** Takes a place under jcable.max-connections. */
    void countIn() {
        countedIn.set(true);
    }

    /** True once, for a connection that was counted in. */
    boolean countOut() {
        return countedIn.compareAndSet(true, false);
    }

    /** Whether one more command is within jcable.max-commands-per-second; under this connection's lock. */
    boolean withinCommandRate() {
        return commands.take(System.nanoTime());
    }

    // Subscriptions; callers hold this connection's lock.

    SubscriptionHandle subscription(String identifier) {
        return subscriptions.get(identifier);
    }

    void add(SubscriptionHandle subscription) {
        subscriptions.put(subscription.identifier(), subscription);
        services.counters().subscriptions.increment();
    }

    SubscriptionHandle remove(String identifier) {
        SubscriptionHandle removed = subscriptions.remove(identifier);
        if (removed != null) {
            services.counters().subscriptions.decrement();
        }
        return removed;
    }

    /** Its subscriptions now. */
    List<SubscriptionHandle> subscriptionsNow() {
        return List.copyOf(subscriptions.values());
    }

    /** When its session was last kept beyond this node (System.nanoTime()). */
    long sharedAt() {
        return sharedAt;
    }

    void sharedNow(long nanos) {
        sharedAt = nanos;
    }

    int subscriptionCount() {
        return subscriptions.size();
    }

    /** Ends the connection and hands back its subscriptions, once; null when it had already ended. */
    List<SubscriptionHandle> end() {
        if (phase.getAndSet(ConnectionPhase.ENDED) == ConnectionPhase.ENDED) {
            return null;
        }
        outbox.stop();
        List<SubscriptionHandle> all = new ArrayList<>(subscriptions.values());
        subscriptions.clear();
        services.counters().subscriptions.add(-all.size());
        return all;
    }

    /** Moves to {@code next} from a phase that allows it; false when another ending got there first. */
    private boolean advance(Predicate<ConnectionPhase> allowed, ConnectionPhase next) {
        ConnectionPhase now = phase.get();
        while (allowed.test(now)) {
            if (phase.compareAndSet(now, next)) {
                return true;
            }
            now = phase.get();
        }
        return false;
    }

    @Override
    public String toString() {
        return "connection " + id + " (" + request.remoteAddress() + (identity == null ? "" : ", " + identity) + ")";
    }
}
