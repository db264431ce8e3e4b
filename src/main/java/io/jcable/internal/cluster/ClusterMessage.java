package io.jcable.internal.cluster;

import io.jcable.internal.protocol.JsonReading;
import io.jcable.internal.protocol.JsonText;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * What nodes tell each other over the topic, and its text form. A broadcast travels as its stream
 * name (a message property) and its payload's JSON (the body); a disconnect as
 * {@code {"identifiers":{...},"reconnect":true|false}}. {@link #read} accepts only what {@link #body}
 * writes: anything else on the topic is foreign.
 */
sealed interface ClusterMessage {

    /** The message property naming the kind: {@code broadcast} or {@code disconnect}. */
    String KIND = "jcable";
    /** The message property naming the publishing node, for the selector that drops echoes. */
    String ORIGIN = "origin";
    /** The message property naming a broadcast's stream. */
    String STREAM = "stream";
    /** The message property naming the socket id a broadcast "to others" must not reach (absent: none). */
    String EXCLUDE = "exclude";
    /** The message property numbering a node's broadcasts from 1, so that a resent copy is dropped. */
    String SEQUENCE = "seq";
    /** The message properties of a broadcast's position, set by the sequencer. */
    String EPOCH = "epoch";
    String OFFSET = "offset";
    /** The message property of a broadcast its node delivered itself (the sequencer was out of reach). */
    String DELIVERED_HERE = "here";
    /** The message property naming a session: the sessions queue keeps the last message of each. */
    String SID = "sid";

    String kind();

    /** The message's text body. */
    String body();

    /** A stream property, or null. */
    default String stream() {
        return null;
    }

    /** An exclude property, or null. */
    default String excludeSocket() {
        return null;
    }

    /**
     * A broadcast.
     *
     * @param deliveredHere its node delivered it already, under a position of its own (the sequencer
     *                      was out of reach): positioned for the others, only kept by its node
     */
    record Published(String stream, String payloadJson, String excludeSocket, boolean deliveredHere) implements ClusterMessage {
        Published(String stream, String payloadJson) {
            this(stream, payloadJson, null, false);
        }

        @Override
        public String kind() {
            return "broadcast";
        }

        @Override
        public String body() {
            return payloadJson;
        }
    }

    /** A session of the extended protocol, kept on the broker under its id; an empty body spends it. */
    record SessionSaved(String sid, String json, long ttlMillis) implements ClusterMessage {
        @Override
        public String kind() {
            return "session";
        }

        @Override
        public String body() {
            return json == null ? "" : json;
        }
    }

    /** A node's heartbeat, sent through the sequencer: its return says the whole path works. */
    record Heartbeat() implements ClusterMessage {
        @Override
        public String kind() {
            return "heartbeat";
        }

        @Override
        public String body() {
            return "{}";
        }
    }

    record Disconnected(Map<String, String> identifiers, boolean reconnect) implements ClusterMessage {
        @Override
        public String kind() {
            return "disconnect";
        }

        @Override
        public String body() {
            StringJoiner names = new StringJoiner(",", "{\"identifiers\":{", "},\"reconnect\":" + reconnect + "}");
            identifiers.forEach((name, value) -> names.add(JsonText.quote(name) + ":" + JsonText.quote(value)));
            return names.toString();
        }
    }

    /**
     * The message a node published, from its properties and body; null for anything foreign or
     * malformed (no such kind, no stream, a body that is not the JSON expected).
     */
    static ClusterMessage read(String kind, String stream, String body) {
        return read(kind, stream, null, body);
    }

    /** The same, for a broadcast that may exclude one socket. */
    static ClusterMessage read(String kind, String stream, String excludeSocket, String body) {
        return read(kind, stream, excludeSocket, false, body);
    }

    /** The same, for a broadcast its node may have delivered itself. */
    static ClusterMessage read(String kind, String stream, String excludeSocket, boolean deliveredHere, String body) {
        if ("heartbeat".equals(kind)) {
            return new Heartbeat();
        }
        if (kind == null || body == null) {
            return null;
        }
        JsonValue json = JsonReading.parse(body);
        if (json == null) {
            return null;
        }
        if (kind.equals("broadcast")) {
            return stream == null || stream.isEmpty() ? null : new Published(stream, body, excludeSocket, deliveredHere);
        }
        if (kind.equals("disconnect") && json instanceof JsonObject object
                && object.get("identifiers") instanceof JsonObject identifiers && !identifiers.isEmpty()
                && (object.get("reconnect") == JsonValue.TRUE || object.get("reconnect") == JsonValue.FALSE)) {
            Map<String, String> names = new LinkedHashMap<>();
            for (Map.Entry<String, JsonValue> entry : identifiers.entrySet()) {
                if (!(entry.getValue() instanceof JsonString value)) {
                    return null;
                }
                names.put(entry.getKey(), value.getString());
            }
            return new Disconnected(names, object.get("reconnect") == JsonValue.TRUE);
        }
        return null;
    }
}
