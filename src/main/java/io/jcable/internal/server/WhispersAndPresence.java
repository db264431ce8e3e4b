package io.jcable.internal.server;

import io.jcable.config.CableConfig;
import io.jcable.internal.broadcast.StreamRegistry;
import io.jcable.internal.presence.PresenceRegistry;
import io.jcable.internal.protocol.Command;
import io.jcable.internal.protocol.Frames;
import io.jcable.internal.session.SessionStore;
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

    void whisper(CableConnection connection, SubscriptionHandle subscription, JsonValue data) {
        String stream = subscription.whisperStream();
        if (stream == null) {
            LOG.log(Level.DEBUG, "{0}: a whisper on {1}, which whispers nowhere", connection, subscription);
            return;
        }
        streams.publishTransient(stream, data.toString(), false, subscription);
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
        String id = ((JsonString) command.presence().get("id")).getString();
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
            if (joined == PresenceRegistry.Joined.FIRST) {
                streams.publishTransient(stream, PresenceRegistry.joined(id, info), true, null);
            }
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
        if (presence.join(stream, kept.id(), kept.info(), subscription, Integer.MAX_VALUE) == PresenceRegistry.Joined.FIRST) {
            streams.publishTransient(stream, PresenceRegistry.joined(kept.id(), kept.info()), true, null); // it had left meanwhile
        }
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
        if (presence.leave(stream, id, subscription)) {
            streams.publishTransient(stream, PresenceRegistry.left(id), true, null);
        }
    }
}
