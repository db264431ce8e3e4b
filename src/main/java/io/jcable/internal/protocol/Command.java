package io.jcable.internal.protocol;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * A command sent by an ActionCable client. The identifier is kept as the exact string the client
 * sent: ActionCable keys subscriptions by it, byte for byte.
 */
public sealed interface Command {

    /** The raw identifier string, as sent. */
    String identifier();

    /**
     * {@code {"command":"subscribe","identifier":"..."}}, with the extended protocol's {@code history}
     * request when it has one (else null).
     */
    record Subscribe(String identifier, JsonObject history) implements Command {
        public Subscribe(String identifier) {
            this(identifier, null);
        }
    }

    /** The extended protocol's {@code {"command":"history","identifier":"...","history":{...}}}. */
    record History(String identifier, JsonObject history) implements Command {}

    /** AnyCable's {@code {"command":"whisper","identifier":"...","data":{...}}}: data is JSON, not a JSON string. */
    record Whisper(String identifier, JsonValue data) implements Command {}

    /** AnyCable's presence commands: {@code join} (with {@code presence.id} and {@code presence.info}), {@code leave}, {@code presence}. */
    record Presence(String identifier, String action, JsonObject presence) implements Command {}

    /** The extended protocol's {@code {"command":"pong"}}: the client is alive; nothing to answer. */
    record Pong() implements Command {
        @Override
        public String identifier() {
            return "";
        }
    }

    /** AnyCable's {@code {"command":"ping"}}: the client checks that the server is alive; answered with a pong. */
    record Ping() implements Command {
        @Override
        public String identifier() {
            return "";
        }
    }

    /** {@code {"command":"unsubscribe","identifier":"..."}} */
    record Unsubscribe(String identifier) implements Command {}

    /** {@code {"command":"message","identifier":"...","data":"<JSON text>"}}; data is still undecoded. */
    record Message(String identifier, String data) implements Command {}
}
