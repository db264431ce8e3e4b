package io.jcable.internal.protocol;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * A subscription identifier: the raw string the client sent (echoed back byte for byte), the
 * channel it names, and the whole decoded object, whose other members are the channel's params.
 */
public record Identifier(String raw, String channel, JsonObject params) {

    public static Decoded<Identifier> parse(String raw) {
        JsonValue value = JsonReading.parse(raw);
        if (value == null) {
            return Decoded.invalid("identifier is not JSON");
        }
        if (!(value instanceof JsonObject object)) {
            return Decoded.invalid("identifier is not a JSON object");
        }
        JsonValue channel = object.get("channel");
        if (channel == null) {
            return Decoded.invalid("identifier has no channel");
        }
        if (!(channel instanceof JsonString name)) {
            return Decoded.invalid("identifier's channel is not a string");
        }
        return Decoded.ok(new Identifier(raw, name.getString(), object));
    }
}
