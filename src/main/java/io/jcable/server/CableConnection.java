package io.jcable.server;

import io.jcable.channel.CableRequest;
import io.jcable.channel.Identity;
import io.jcable.protocol.DisconnectReason;
import io.jcable.protocol.Frames;
import io.jcable.protocol.WireFrame;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * One client connection: its socket, who it is, its outbound queue and its subscriptions by
 * identifier. Commands and the final cleanup run under this object's lock, so a close started by
 * the server (slow client, shutdown) never overlaps a command in progress.
 */
public final class CableConnection implements Outbox.Owner {

    private static final System.Logger LOG = System.getLogger(CableConnection.class.getName());

    private final long id;
    private final Session session;
    private final CableRequest request;
    private final Outbox outbox;
    private final Executor closer;
    private final Consumer<CableConnection> cleanup;
    private final AtomicBoolean dropped = new AtomicBoolean();
    private final AtomicBoolean admitted = new AtomicBoolean();
    private final CommandBudget commands;
    private final ServerCounters counters;
    private final Map<String, SubscriptionHandle> subscriptions = new LinkedHashMap<>();
    private volatile Identity identity;
    private volatile CloseReason closeAfterFlush;
    private boolean ended;

    /**
     * @param cleanup ends the connection's subscriptions; runs after every close the server starts,
     *                in case the container never reports the close (idempotent)
     */
    CableConnection(long id, Session session, RawSocket raw, CableRequest request, int outboundQueue,
                    CommandBudget commands, ServerCounters counters, Executor closer,
                    Consumer<CableConnection> cleanup) {
        this.id = id;
        this.counters = counters;
        this.commands = commands;
        this.session = session;
        this.request = request;
        this.closer = closer;
        this.cleanup = cleanup;
        this.outbox = new Outbox(session.getAsyncRemote(), raw, outboundQueue, this);
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

    void identified(Identity identity) {
        this.identity = identity;
    }

    /** Queues a frame for this client; never blocks. */
    public void send(String frame) {
        outbox.offer(WireFrame.of(frame));
    }

    /** Queues frames shared with other connections, to leave together; never blocks. */
    void send(List<WireFrame> frames) {
        outbox.offer(frames);
    }

    /** Sends ActionCable's {@code disconnect} frame, then closes the socket once it has left. */
    public void disconnect(DisconnectReason reason, boolean reconnect, CloseReason.CloseCodes code) {
        disconnect(reason, reconnect, code, reason.wireName());
    }

    /** The same, with {@code why} in the close frame (at most 123 bytes). */
    void disconnect(DisconnectReason reason, boolean reconnect, CloseReason.CloseCodes code, String why) {
        if (closeAfterFlush == null) {
            closeAfterFlush = new CloseReason(code, why);
            outbox.offer(WireFrame.of(Frames.disconnect(reason, reconnect)));
            outbox.finish();
        }
    }

    /**
     * Closes at once, without a disconnect frame: for a client that cannot take any more.
     *
     * @param slow whether the client is dropped for not reading (counted for operators)
     */
    void drop(String reason, boolean slow) {
        if (!dropped.compareAndSet(false, true)) {
            return;
        }
        if (slow) {
            counters.slowClientsDropped.increment();
        }
        // A send that fails because the client has just closed is the usual race, not news.
        LOG.log(slow || session.isOpen() ? Level.WARNING : Level.DEBUG, "{0}: dropped: {1}", this, reason);
        outbox.stop();
        close(new CloseReason(CloseReason.CloseCodes.TRY_AGAIN_LATER, "too slow"));
    }

    long stalledNanos(long now) {
        return outbox.stalledNanos(now);
    }

    int queuedFrames() {
        return outbox.size();
    }

    @Override
    public void outboxFailed(String reason, boolean overflowed) {
        if (overflowed) {
            counters.queueOverflows.increment();
        }
        drop(reason, overflowed);
    }

    @Override
    public void outboxFlushed() {
        CloseReason reason = closeAfterFlush;
        if (reason != null) {
            close(reason);
        }
    }

    /** Closes the socket off the caller's thread: a close may write to a socket that is not draining. */
    void close(CloseReason reason) {
        closer.execute(() -> {
            try {
                if (session.isOpen()) {
                    session.close(reason);
                }
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.DEBUG, "{0}: close failed: {1}", this, e);
            }
            cleanup.accept(this);
        });
    }

    /** Whether a disconnect has been sent: the client's commands are no longer carried out. */
    boolean disconnecting() {
        return closeAfterFlush != null;
    }

    void admitted() {
        admitted.set(true);
    }

    /** True once, for a connection that was admitted. */
    boolean releaseAdmission() {
        return admitted.compareAndSet(true, false);
    }

    /** Whether one more command is within jcable.max-commands-per-second; under this connection's lock. */
    boolean withinCommandRate() {
        return commands.take(System.nanoTime());
    }

    boolean isOpen() {
        return session.isOpen();
    }

    // Subscriptions; callers hold this connection's lock.

    SubscriptionHandle subscription(String identifier) {
        return subscriptions.get(identifier);
    }

    void add(SubscriptionHandle subscription) {
        subscriptions.put(subscription.identifier(), subscription);
    }

    SubscriptionHandle remove(String identifier) {
        return subscriptions.remove(identifier);
    }

    int subscriptionCount() {
        return subscriptions.size();
    }

    /** Marks the connection ended and hands back its subscriptions; null when it had already ended. */
    List<SubscriptionHandle> end() {
        if (ended) {
            return null;
        }
        ended = true;
        outbox.stop();
        List<SubscriptionHandle> all = new ArrayList<>(subscriptions.values());
        subscriptions.clear();
        return all;
    }

    boolean ended() {
        return ended;
    }

    @Override
    public String toString() {
        return "connection " + id + " (" + request.remoteAddress() + (identity == null ? "" : ", " + identity) + ")";
    }
}
