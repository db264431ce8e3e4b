package io.jcable.internal.protocol;

import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import java.io.StringReader;
import java.util.Map;

/**
 * Parses JSON text that came from a client, strictly. One parser factory: {@code Json.createParser} looks
 * the provider up on every call.
 */
public final class JsonReading {

    private static final JsonParserFactory PARSERS = JsonProvider.provider().createParserFactory(Map.of());

    private JsonReading() {
    }

    /** The value, or null unless the text is exactly one JSON value (nothing may follow it). */
    public static JsonValue parse(String text) {
        try (JsonParser parser = PARSERS.createParser(new StringReader(text))) {
            if (!parser.hasNext()) {
                return null;
            }
            parser.next();
            JsonValue value = parser.getValue();
            return parser.hasNext() ? null : value;
        } catch (RuntimeException e) {
            // Whatever the parser throws (syntax, nesting over its depth limit, numbers over its
            // scale limit) means the same to us: not JSON we will act on.
            return null;
        }
    }
}
