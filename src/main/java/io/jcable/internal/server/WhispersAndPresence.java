package io.jcable.internal.server;

import io.jcable.config.CableConfig;
import io.jcable.internal.broadcast.StreamRegistry;
import io.jcable.internal.presence.PresenceRegistry;
import io.jcable.internal.protocol.Command;
import io.jcable.internal.protocol.Frames;
import io.jcable.internal.broadcast.Whispered;
import io.jcable.internal.presence.PresenceAnnounced;
import io.jcable.internal.session.SessionStore;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.lang.System.Logger.Level;

/**
 * AnyCable's whispers and presence for a subscription: a whisper goes to the other subscribers of its
 * whisper stream; joins and leaves are heard by everyone on its presence stream. Both are transient:
 * never positioned, never in history. Only where the channel said so ({@code StreamOption}).
 */
@ApplicationScoped
public class WhispersAndPresence {

    private static final System.Logger LOG = System.getLogger(WhispersAndPresence.class.getName());

    @Inject
    StreamRegistry streams;

    @Inject
    PresenceRegistry presence;

    @Inject
    Heartbeat heartbeat;

    @Inject
    CableConfig config;

    @Inject
    Event<PresenceAnnounced> announced;

    @Inject
    Event<Whispered> whispered;

    void whisper(CableConnection connection, SubscriptionHandle subscription, JsonValue data) {
        String stream = subscription.whisperStream();
        if (stream == null) {
            LOG.log(Level.DEBUG, "{0}: a whisper on {1}, which whispers nowhere", connection, subscription);
            return;
        }
        String json = data.toString();
        streams.publishTransient(stream, json, false, subscription);
        whispered.fire(new Whispered(stream, json));
    }

    void command(CableConnection connection, SubscriptionHandle subscription, Command.Presence command) {
        String stream = subscription.presenceStream();
        if (command.action().equals("presence")) {
            String message = stream == null ? presenceError("no presence on this subscription") : presence.info(stream).toString();
            connection.send(Frames.presencePrefix(subscription.identifier()) + message + "}");
            return;
        }
        if (stream == null) {
            LOG.log(Level.DEBUG, "{0}: {1} on {2}, which keeps no presence", connection, command.action(), subscription);
            return;
        }
        String id = command.presence().get("id") instanceof JsonString given ? given.getString() : subscription.presenceId();
        if (id == null) {
            return; // a leave without an id, from a subscription that never joined
        }
        if (command.action().equals("join")) {
            if (!id.equals(subscription.presenceId())) {
                leave(subscription); // a subscription is one presence: joining under another id leaves the first
            }
            JsonValue info = command.presence().get("info") == null ? JsonValue.NULL : command.presence().get("info");
            String refused = info.toString().length() > config.extended().presenceMaxInfo()
                    ? "info of " + info.toString().length() + " characters, over " + config.extended().presenceMaxInfo()
                            + " (jcable.presence.max-info)"
                    : null;
            PresenceRegistry.Joined joined = refused != null ? null
                    : presence.join(stream, id, info, subscription, config.extended().presenceMaxRecords());
            if (joined == PresenceRegistry.Joined.FULL) {
                refused = "already " + config.extended().presenceMaxRecords() + " present (jcable.presence.max-records)";
            }
            if (refused != null) {
                LOG.log(Level.INFO, "{0}: refused to join {1}: {2}", connection, stream, refused);
                connection.send(Frames.presencePrefix(subscription.identifier()) + presenceError(refused) + "}");
                return;
            }
            subscription.presence(new SessionStore.Presence(id, info));
            joined(stream, id, info, joined);
        } else if (id.equals(subscription.presenceId())) {
            leave(subscription);
        }
    }

    /**
     * A restored subscription keeps the presence its session had: the same id joins with the new
     * subscription before the old one's delayed leave, so nobody sees it leave and come back.
     */
    void restored(SubscriptionHandle subscription, SessionStore.Presence kept) {
        String stream = subscription.presenceStream();
        if (kept == null || stream == null) {
            return;
        }
        // Past the limits only if they were lowered meanwhile: it was admitted once, so it keeps its place.
        subscription.presence(kept);
        // FIRST only if it had left meanwhile; restored on another node, that node's hold keeps it present.
        joined(stream, kept.id(), kept.info(), presence.join(stream, kept.id(), kept.info(), subscription, Integer.MAX_VALUE));
    }

    private void joined(String stream, String id, JsonValue info, PresenceRegistry.Joined joined) {
        if (joined == PresenceRegistry.Joined.FIRST) {
            streams.publishTransient(stream, PresenceRegistry.joined(id, info), true, null);
        }
        if (joined == PresenceRegistry.Joined.FIRST || joined == PresenceRegistry.Joined.FIRST_HERE) {
            announced.fire(new PresenceAnnounced(stream, id, info));
        }
    }

    /** Another node holds {@code id} on {@code stream} (or says so again). */
    public void remoteJoined(String stream, String id, JsonValue info, String node) {
        if (presence.joinRemote(stream, id, info, node)) {
            streams.publishTransient(stream, PresenceRegistry.joined(id, info), true, null);
        }
    }

    /** Another node no longer holds {@code id} on {@code stream}. */
    public void remoteLeft(String stream, String id, String node) {
        if (presence.leaveRemote(stream, id, node)) {
            streams.publishTransient(stream, PresenceRegistry.left(id), true, null);
        }
    }

    /** A node is gone: the ids only it held leave. */
    public void nodeGone(String node) {
        for (String[] gone : presence.dropNode(node)) {
            streams.publishTransient(gone[0], PresenceRegistry.left(gone[1]), true, null);
        }
    }

    /** A client of another node whispered on {@code stream}: every subscriber here hears it. */
    public void remoteWhisper(String stream, String dataJson) {
        streams.publishTransient(stream, dataJson, false, null);
    }

    /** AnyCable's presence error, {@code {"type":"error","total":0}}, with the reason in words. */
    private static String presenceError(String reason) {
        return Json.createObjectBuilder().add("type", "error").add("total", 0).add("reason", reason).build().toString();
    }

    /** The subscription ended by the client's own unsubscribe: it leaves at once. */
    void unsubscribed(SubscriptionHandle subscription) {
        leave(subscription);
    }

    /** The connection closed without leaving: it leaves after {@code jcable.presence.ttl}. */
    void closed(SubscriptionHandle subscription) {
        if (subscription.presenceId() != null) {
            heartbeat.later(() -> leave(subscription), config.extended().presenceTtlSeconds() * 1000);
        }
    }

    private void leave(SubscriptionHandle subscription) {
        String id = subscription.presenceId();
        String stream = subscription.presenceStream();
        if (id == null || stream == null) {
            return;
        }
        subscription.presence(null);
        PresenceRegistry.Left left = presence.leave(stream, id, subscription);
        if (left == PresenceRegistry.Left.LAST) {
            streams.publishTransient(stream, PresenceRegistry.left(id), true, null);
        }
        if (left != PresenceRegistry.Left.STILL) {
            announced.fire(new PresenceAnnounced(stream, id, null));
        }
    }
}
