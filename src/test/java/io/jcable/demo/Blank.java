package io.jcable.demo;

import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/** Ruby's {@code blank?} and {@code to_s} for identifier params, so the demo decides as the reference does. */
final class Blank {

    private Blank() {
    }

    static boolean isBlank(JsonValue value) {
        return value == null || value == JsonValue.NULL || value == JsonValue.FALSE
                || value instanceof JsonString text && text.getString().isBlank()
                || value == JsonValue.EMPTY_JSON_ARRAY || value == JsonValue.EMPTY_JSON_OBJECT
                || value.getValueType() == JsonValue.ValueType.ARRAY && value.asJsonArray().isEmpty()
                || value.getValueType() == JsonValue.ValueType.OBJECT && value.asJsonObject().isEmpty();
    }

    /** A value as Ruby's string interpolation shows it ({@code nil} is empty). */
    static String text(JsonValue value) {
        if (value == null || value == JsonValue.NULL) {
            return "";
        }
        return value instanceof JsonString text ? text.getString() : value.toString();
    }
}
