package io.jcable.internal.protocol;

/** Writes Java strings as JSON string literals (RFC 8259), for the frames the server builds by hand. */
public final class JsonText {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private JsonText() {
    }

    /**
     * JSON text with every unpaired surrogate written as a {@code \\uXXXX} escape. Encoders (JSON-B,
     * JSON-P) copy a lone surrogate into the text as a raw char, which UTF-8 cannot carry: the frame
     * could not be sent. Outside strings JSON has only ASCII, so any such char is inside a string,
     * where the escape means the same JavaScript string. Returns {@code json} itself when it has none.
     */
    public static String escapeLoneSurrogates(String json) {
        StringBuilder out = null;
        int start = 0;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (!Character.isSurrogate(c)) {
                continue;
            }
            if (paired(json, i)) {
                i++;
                continue;
            }
            if (out == null) {
                out = new StringBuilder(json.length() + 16);
            }
            appendUnicodeEscape(out.append(json, start, i), c);
            start = i + 1;
        }
        return out == null ? json : out.append(json, start, json.length()).toString();
    }

    /** A client's text for a log line: quoted, and cut at 80 characters whatever the client sent. */
    public static String quoteForLog(String text) {
        return quote(text.length() <= 80 ? text : text.substring(0, 77) + "...");
    }

    /** The JSON string literal for {@code text}, quotes included. */
    public static String quote(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        appendQuoted(out, text);
        return out.toString();
    }

    public static void appendQuoted(StringBuilder out, String text) {
        out.append('"');
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String escape = escape(c);
            if (escape != null) {
                out.append(text, start, i).append(escape);
                start = i + 1;
            } else if (c < 0x20 || c == '\u2028' || c == '\u2029' || Character.isSurrogate(c) && !paired(text, i)) {
                // U+2028/9 are valid JSON but end a line in older JavaScript: escaped as Rails does. A lone
                // surrogate cannot survive UTF-8: escaped, it reaches the client as the same JavaScript string.
                appendUnicodeEscape(out.append(text, start, i), c);
                start = i + 1;
            } else if (Character.isHighSurrogate(c)) {
                i++; // a valid pair: keep both halves as they are
            }
        }
        out.append(text, start, text.length()).append('"');
    }

    /** {@code \\uXXXX} for {@code c}. */
    private static void appendUnicodeEscape(StringBuilder out, char c) {
        out.append("\\u").append(HEX[c >> 12 & 0xf]).append(HEX[c >> 8 & 0xf]).append(HEX[c >> 4 & 0xf]).append(HEX[c & 0xf]);
    }

    private static boolean paired(String text, int i) {
        char c = text.charAt(i);
        return Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
    }

    private static String escape(char c) {
        return switch (c) {
            case '"' -> "\\\"";
            case '\\' -> "\\\\";
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            case '\b' -> "\\b";
            case '\f' -> "\\f";
            default -> null;
        };
    }
}
