package io.jcable.internal.protocol;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * Decodes one text frame into a {@link Command}. The reasons it gives are for the server's log:
 * ActionCable answers nothing to a malformed frame, and neither do we.
 */
public final class CommandDecoder {

    private CommandDecoder() {
    }

    public static Decoded<Command> decode(String frame) {
        JsonValue value = JsonReading.parse(frame);
        if (value == null) {
            return Decoded.invalid("frame is not JSON");
        }
        if (!(value instanceof JsonObject object)) {
            return Decoded.invalid("frame is not a JSON object");
        }
        JsonValue command = object.get("command");
        if (command == null) {
            return Decoded.invalid("frame has no command");
        }
        if (!(command instanceof JsonString name)) {
            return Decoded.invalid("command is not a string");
        }
        if (name.getString().equals("pong")) {
            return Decoded.ok(new Command.Pong());
        }
        if (name.getString().equals("ping")) {
            return Decoded.ok(new Command.Ping());
        }
        JsonValue identifier = object.get("identifier");
        if (identifier == null) {
            return Decoded.invalid("frame has no identifier");
        }
        if (!(identifier instanceof JsonString id)) {
            return Decoded.invalid("identifier is not a string");
        }
        return switch (name.getString()) {
            case "subscribe" -> object.get("history") instanceof JsonObject history
                    ? Decoded.ok(new Command.Subscribe(id.getString(), history))
                    : Decoded.ok(new Command.Subscribe(id.getString()));
            case "whisper" -> object.get("data") instanceof JsonObject data
                    ? Decoded.ok(new Command.Whisper(id.getString(), data))
                    : Decoded.invalid("whisper data is not an object");
            case "join" -> object.get("presence") instanceof JsonObject presence
                    && presence.get("id") instanceof JsonString presenceId && !presenceId.getString().isEmpty()
                    ? Decoded.ok(new Command.Presence(id.getString(), "join", presence))
                    : Decoded.invalid("join has no presence id");
            // @anycable/web's presence.leave() names no id: it leaves the id the subscription joined with.
            case "leave" -> object.get("presence") == null || object.get("presence") instanceof JsonObject presence
                    && (presence.get("id") == null || presence.get("id") instanceof JsonString leaving && !leaving.getString().isEmpty())
                    ? Decoded.ok(new Command.Presence(id.getString(), "leave",
                            object.get("presence") instanceof JsonObject given ? given : JsonValue.EMPTY_JSON_OBJECT))
                    : Decoded.invalid("leave names no presence id");
            case "presence" -> Decoded.ok(new Command.Presence(id.getString(), "presence", JsonValue.EMPTY_JSON_OBJECT));
            case "history" -> object.get("history") instanceof JsonObject history
                    ? Decoded.ok(new Command.History(id.getString(), history))
                    : Decoded.invalid("history has no history object");
            case "unsubscribe" -> Decoded.ok(new Command.Unsubscribe(id.getString()));
            case "message" -> message(id.getString(), object.get("data"));
            default -> Decoded.invalid("unknown command " + JsonText.quoteForLog(name.getString()));
        };
    }

    private static Decoded<Command> message(String identifier, JsonValue data) {
        if (data == null) {
            return Decoded.invalid("message has no data");
        }
        if (!(data instanceof JsonString text)) {
            return Decoded.invalid("data is not a string");
        }
        return Decoded.ok(new Command.Message(identifier, text.getString()));
    }
}
