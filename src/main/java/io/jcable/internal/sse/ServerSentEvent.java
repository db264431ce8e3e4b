package io.jcable.internal.sse;

import io.jcable.internal.protocol.JsonReading;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;

/**
 * The text of one event: {@code id: <offset>/<stream>/<epoch>} (AnyCable's form), then the payload
 * as {@code data:} lines (a JSON string as its text, so a Turbo Stream's HTML arrives as HTML; any
 * other JSON as JSON), one per line of it, since a line break would otherwise end the field.
 */
final class ServerSentEvent {

    /** A comment every ping interval: it keeps proxies from timing the stream out and finds closed clients. */
    static final byte[] HEARTBEAT = ":\n\n".getBytes(StandardCharsets.US_ASCII);

    private ServerSentEvent() {
    }

    /** The first bytes: how long a browser waits before it reconnects, and something to open the stream with. */
    static byte[] opening(long retryMillis) {
        return ("retry: " + retryMillis + "\n:ok\n\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** @param data the event's data: {@link #data(JsonValue)} of the payload */
    static byte[] event(String data, String stream, String epoch, long offset) {
        StringBuilder event = new StringBuilder(data.length() + 64);
        event.append("id: ").append(id(offset, stream, epoch)).append('\n');
        for (String line : data.split("\r\n|\r|\n", -1)) {
            event.append("data: ").append(line).append('\n');
        }
        return event.append('\n').toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The payload of a frame the delivery lane built: {@code {"identifier":...,"message":<payload>,...}}. */
    static JsonValue payloadOf(String frame) {
        return ((JsonObject) JsonReading.parse(frame)).get("message");
    }

    static String id(long offset, String stream, String epoch) {
        return offset + "/" + stream + "/" + epoch;
    }

    /** A {@code Last-Event-ID} this server wrote, for {@code stream}: its offset and epoch; null for anything else. */
    static Position position(String lastEventId, String stream) {
        if (lastEventId == null) {
            return null;
        }
        int first = lastEventId.indexOf('/');
        int last = lastEventId.lastIndexOf('/');
        if (first <= 0 || last <= first || !lastEventId.substring(first + 1, last).equals(stream)) {
            return null;
        }
        try {
            return new Position(Long.parseLong(lastEventId.substring(0, first)), lastEventId.substring(last + 1));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    record Position(long offset, String epoch) {
    }

    /** What an event carries of a payload: a JSON string's text (Turbo's HTML), any other JSON as JSON. */
    static String data(JsonValue payload) {
        return payload instanceof JsonString text ? text.getString() : payload.toString();
    }
}
