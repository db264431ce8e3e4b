package io.jcable.internal.server;

import io.jcable.internal.history.StreamHistory;
import io.jcable.internal.protocol.Frames;
import io.jcable.internal.session.SessionStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import io.jcable.config.CableConfig;

/**
 * What AnyCable's extended protocol adds for a connection: its session (kept when it closes, taken
 * back by a client that returns with its {@code sid}) and the replay of a stream's history.
 */
@ApplicationScoped
public class ExtendedProtocol {

    private static final System.Logger LOG = System.getLogger(ExtendedProtocol.class.getName());
    static final String RESTORE_HEADER = "X-ANYCABLE-RESTORE-SID";

    @Inject
    SessionStore sessions;

    @Inject
    StreamHistory history;

    private long sessionTtlSeconds;

    @Inject
    void configure(CableConfig config) {
        sessionTtlSeconds = config.extended().sessionTtlSeconds();
    }

    /** The session the client asks back with {@code ?sid=} or {@value #RESTORE_HEADER}, when it is still kept. */
    Optional<SessionStore.Saved> restore(CableConnection connection) {
        Optional<String> sid = connection.request().queryParameter("sid").or(() -> connection.request().header(RESTORE_HEADER));
        return sid.flatMap(id -> sessions.take(id, System.currentTimeMillis()));
    }

    String newSessionId() {
        return sessions.newId();
    }

    /** Keeps what a closing connection had, for its session id's time to live; called before its streams stop. */
    void save(CableConnection connection, List<SubscriptionHandle> subscriptions) {
        if (connection.sid() == null || connection.identity() == null || !connection.restorable()) {
            return;
        }
        List<SessionStore.SavedSubscription> saved = subscriptions.stream()
                .filter(SubscriptionHandle::restorable).map(SubscriptionHandle::saved).toList();
        sessions.save(connection.sid(), connection.identity(), saved, System.currentTimeMillis());
    }

    /**
     * Keeps what an open connection has now beyond this node (when sessions are shared): its node may
     * die without a close, and the client then restores on another node with this.
     */
    void changed(CableConnection connection) {
        if (!sessions.shared() || connection.sid() == null || connection.identity() == null) {
            return;
        }
        connection.sharedNow(System.nanoTime());
        sessions.keepLive(connection.sid(), connection.identity(), connection.subscriptionsNow().stream()
                .filter(SubscriptionHandle::restorable).map(SubscriptionHandle::saved).toList());
    }

    /** Keeps an open connection's session alive beyond this node: once a third of its time to live has passed. */
    void refresh(CableConnection connection, long nowNanos) {
        if (sessions.shared() && nowNanos - connection.sharedAt() > TimeUnit.SECONDS.toNanos(sessionTtlSeconds) / 3) {
            changed(connection);
        }
    }

    /**
     * Sends what the client missed on the subscription's streams, then {@code confirm_history}; or only
     * {@code reject_history} when one stream cannot be answered in full.
     *
     * @param request {@code {"since":<unix seconds>,"streams":{"<stream>":{"epoch":"<e>","offset":<n>}}}}
     */
    void replay(CableConnection connection, SubscriptionHandle subscription, JsonObject request) {
        subscription.holdForHistory(); // live frames from here on go after the replay
        long now = System.currentTimeMillis();
        JsonObject positions = request.get("streams") instanceof JsonObject streams ? streams : JsonValue.EMPTY_JSON_OBJECT;
        Long sinceMillis = request.get("since") instanceof JsonNumber since ? since.longValue() * 1000 : null;
        String prefix = Frames.messagePrefix(subscription.identifier());
        List<Runnable> replayed = new ArrayList<>();
        for (String stream : subscription.streamNames()) {
            StreamHistory.Replay replay;
            if (positions.get(stream) instanceof JsonObject position) {
                if (!(position.get("epoch") instanceof JsonString epoch) || !(position.get("offset") instanceof JsonNumber offset)) {
                    LOG.log(Level.INFO, "{0}: history of {1} without an epoch and an offset", connection, stream);
                    replay = null;
                } else {
                    replay = history.after(stream, epoch.getString(), offset.longValue(), now);
                }
            } else if (sinceMillis != null) {
                replay = history.since(stream, sinceMillis, now);
            } else {
                continue;
            }
            if (replay == null || replay.rejected()) {
                connection.send(Frames.rejectHistory(subscription.identifier()));
                subscription.historyDone();
                return;
            }
            if (positions.get(stream) instanceof JsonObject position && position.get("offset") instanceof JsonNumber offset) {
                PositionedDelivery.Position client = new PositionedDelivery.Position(stream, replay.epoch(), offset.longValue());
                replayed.add(() -> subscription.seen(client));
            }
            for (StreamHistory.Entry entry : replay.entries()) {
                PositionedDelivery.Position at = new PositionedDelivery.Position(stream, replay.epoch(), entry.offset());
                String frame = prefix + entry.payloadJson() + Frames.positionedEnd(stream, replay.epoch(), entry.offset());
                replayed.add(() -> subscription.replayed(at, frame));
            }
        }
        replayed.forEach(Runnable::run);
        connection.send(Frames.confirmHistory(subscription.identifier()));
        subscription.historyDone();
    }
}
