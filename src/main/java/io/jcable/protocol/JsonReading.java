package io.jcable.protocol;

import jakarta.json.JsonException;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.util.Map;

/** Parses JSON text that came from a client. One reader factory: {@code Json.createReader} looks the provider up on every call. */
final class JsonReading {

    private static final JsonReaderFactory READERS = JsonProvider.provider().createReaderFactory(Map.of());

    private JsonReading() {
    }

    /** The value, or null when the text is not one complete JSON value. */
    static JsonValue parse(String text) {
        try (JsonReader reader = READERS.createReader(new StringReader(text))) {
            return reader.readValue();
        } catch (JsonException | IllegalStateException | ArithmeticException | StackOverflowError e) {
            return null;
        }
    }
}
