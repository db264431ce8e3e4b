package io.jcable.internal.protocol;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * The {@code data} of a {@code message} command: the raw JSON text, its decoded object, and the
 * action it names: {@code receive} when it names none, as ActionCable's
 * {@code data["action"].presence || "receive"} (missing, null, false, or a blank string).
 */
public record MessageData(String raw, JsonObject json, String action) {

    public static final String RECEIVE = "receive";

    public static Decoded<MessageData> parse(String raw) {
        JsonValue value = JsonReading.parse(raw);
        if (value == null) {
            return Decoded.invalid("data is not JSON");
        }
        if (!(value instanceof JsonObject object)) {
            return Decoded.invalid("data is not a JSON object");
        }
        JsonValue action = object.get("action");
        if (action == null || action == JsonValue.NULL || action == JsonValue.FALSE
                || action instanceof JsonString name && isBlank(name.getString())) {
            return Decoded.ok(new MessageData(raw, object, RECEIVE));
        }
        if (!(action instanceof JsonString name)) {
            return Decoded.invalid("data's action is not a string");
        }
        return Decoded.ok(new MessageData(raw, object, name.getString()));
    }

    /** Ruby's {@code blank?} for strings: nothing but Unicode white space. */
    private static boolean isBlank(String text) {
        return text.chars().allMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c) || c == 0x85);
    }
}
