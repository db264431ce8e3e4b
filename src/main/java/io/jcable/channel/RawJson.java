package io.jcable.channel;

import java.util.Objects;

/**
 * A payload that is already JSON text: sent as is, not encoded again. The text must be valid JSON;
 * nothing checks it here.
 *
 * @param json the JSON text
 */
public record RawJson(String json) {

    /** Refuses {@code null}; the text itself is sent as it is, unchecked. */
    public RawJson {
        Objects.requireNonNull(json, "json");
    }

    @Override
    public String toString() {
        return json;
    }
}
