package io.jcable.internal.session;

import io.jcable.channel.Identity;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A session as text, for the broker: its identifiers and its subscriptions, e.g.
 * {@code {"identifiers":{"id":"alice"},"subscriptions":[{"identifier":"...","streams":["chat_lobby"],
 * "whisper":"chat_lobby","presence_stream":"chat_lobby","presence":{"id":"alice","info":{}}}]}}.
 * The identity's user object stays on its node: a session restored on another node has its identifiers only.
 */
public final class SessionCodec {

    /** One factory: {@code Json.create...} looks the provider up again at each call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    private SessionCodec() {
    }

    public static String write(Identity identity, List<SessionStore.SavedSubscription> subscriptions) {
        JsonObjectBuilder identifiers = JSON.createObjectBuilder();
        identity.identifiers().forEach(identifiers::add);
        JsonArrayBuilder saved = JSON.createArrayBuilder();
        for (SessionStore.SavedSubscription subscription : subscriptions) {
            JsonObjectBuilder one = JSON.createObjectBuilder()
                    .add("identifier", subscription.identifier())
                    .add("streams", JSON.createArrayBuilder(subscription.streams()));
            if (subscription.whisperStream() != null) {
                one.add("whisper", subscription.whisperStream());
            }
            if (subscription.presenceStream() != null) {
                one.add("presence_stream", subscription.presenceStream());
            }
            if (subscription.presence() != null) {
                one.add("presence", JSON.createObjectBuilder().add("id", subscription.presence().id())
                        .add("info", subscription.presence().info()));
            }
            saved.add(one);
        }
        return JSON.createObjectBuilder().add("identifiers", identifiers).add("subscriptions", saved).build().toString();
    }

    /** The session {@link #write} wrote; empty for anything else. */
    public static Optional<Read> read(String json) {
        try {
            JsonObject session = JSON.createReader(new StringReader(json)).readObject();
            Map<String, String> identifiers = new LinkedHashMap<>();
            session.getJsonObject("identifiers").forEach((name, value) -> identifiers.put(name, ((JsonString) value).getString()));
            List<SessionStore.SavedSubscription> subscriptions = new ArrayList<>();
            for (JsonValue value : session.getJsonArray("subscriptions")) {
                JsonObject one = value.asJsonObject();
                List<String> streams = one.getJsonArray("streams").getValuesAs(JsonString::getString);
                JsonObject presence = one.getJsonObject("presence");
                subscriptions.add(new SessionStore.SavedSubscription(one.getString("identifier"), streams,
                        one.getString("whisper", null), one.getString("presence_stream", null),
                        presence == null ? null : new SessionStore.Presence(presence.getString("id"), presence.get("info"))));
            }
            return Optional.of(new Read(identifiers.isEmpty() ? Identity.anonymous() : new Identity(identifiers, null),
                    subscriptions));
        } catch (JsonException | ClassCastException | NullPointerException e) {
            return Optional.empty();
        }
    }

    /** What {@link #read} gives back. */
    public record Read(Identity identity, List<SessionStore.SavedSubscription> subscriptions) {
    }
}
