package io.jcable.demo;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.stream.Collectors;

/**
 * Ruby's {@code blank?} and {@code to_s} for JSON values, so that the demo decides and names
 * streams exactly as the reference does ({@code room.blank?}, {@code "chat_#{room}"},
 * {@code data["message"].to_s}).
 */
final class RubyText {

    private RubyText() {
    }

    /** Ruby's {@code blank?}: nil, false, empty or whitespace-only strings (Unicode spaces too), empty arrays and hashes. */
    static boolean isBlank(JsonValue value) {
        if (value == null || value == JsonValue.NULL || value == JsonValue.FALSE) {
            return true;
        }
        return switch (value.getValueType()) {
            case STRING -> isBlank(((JsonString) value).getString());
            case ARRAY -> value.asJsonArray().isEmpty();
            case OBJECT -> value.asJsonObject().isEmpty();
            default -> false;
        };
    }

    /** Whether a string has nothing but Unicode white space ({@code /\A[[:space:]]*\z/}). */
    static boolean isBlank(String text) {
        return text.chars().allMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c) || c == 0x85);
    }

    /** Ruby's {@code to_s} of the value JSON.parse gives ({@code nil} is empty). */
    static String text(JsonValue value) {
        if (value == null || value == JsonValue.NULL) {
            return "";
        }
        return value instanceof JsonString string ? string.getString() : inspect(value);
    }

    /** Ruby's {@code inspect}, which is also {@code to_s} for everything but strings and nil. */
    private static String inspect(JsonValue value) {
        return switch (value.getValueType()) {
            case NULL -> "nil";
            case TRUE -> "true";
            case FALSE -> "false";
            case STRING -> inspectString(((JsonString) value).getString());
            case NUMBER -> number((JsonNumber) value);
            case ARRAY -> ((JsonArray) value).stream().map(RubyText::inspect).collect(Collectors.joining(", ", "[", "]"));
            case OBJECT -> ((JsonObject) value).entrySet().stream()
                    .map(entry -> inspectString(entry.getKey()) + "=>" + inspect(entry.getValue()))
                    .collect(Collectors.joining(", ", "{", "}"));
        };
    }

    /** An Integer's digits, or Float#to_s: shortest digits, ".0" when integral, e+XX past 16 digits or below 0.0001. */
    static String number(JsonNumber number) {
        String literal = number.toString();
        if (literal.indexOf('.') < 0 && literal.indexOf('e') < 0 && literal.indexOf('E') < 0) {
            return new BigInteger(literal).toString();
        }
        double d = number.doubleValue();
        if (Double.isInfinite(d)) {
            return d > 0 ? "Infinity" : "-Infinity";
        }
        if (d == 0) {
            return 1 / d < 0 ? "-0.0" : "0.0";
        }
        BigDecimal shortest = new BigDecimal(Double.toString(Math.abs(d))).stripTrailingZeros();
        String digits = shortest.unscaledValue().toString();
        int point = digits.length() - shortest.scale(); // where the decimal point goes, as Ruby's decpt
        String sign = d < 0 ? "-" : "";
        if (point > 0 && point <= 16) {
            return sign + (digits.length() <= point
                    ? digits + "0".repeat(point - digits.length()) + ".0"
                    : digits.substring(0, point) + "." + digits.substring(point));
        }
        if (point <= 0 && point > -4) {
            return sign + "0." + "0".repeat(-point) + digits;
        }
        String fraction = digits.length() > 1 ? digits.substring(1) : "0";
        return sign + digits.charAt(0) + "." + fraction + String.format("e%+03d", point - 1);
    }

    private static String inspectString(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                case '#' -> out.append(i + 1 < text.length() && "{$@".indexOf(text.charAt(i + 1)) >= 0 ? "\\#" : "#");
                default -> out.append(c < 0x20 ? String.format("\\x%02X", (int) c) : String.valueOf(c));
            }
        }
        return out.append('"').toString();
    }
}
