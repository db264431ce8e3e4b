package io.jcable.internal.cluster;

import io.jcable.internal.protocol.JsonReading;
import io.jcable.internal.protocol.JsonText;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
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
    /** The message property naming the node that holds a presence id; with the stream and id, the presence queue's key. */
    String HOLDER = "holder";
    String PRESENCE_KEY = "pkey";

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

    /**
     * A node began ({@code info} not null) or stopped holding a presence id on a stream: on the topic for
     * the nodes listening, and in the presence queue (the last word per holder, stream and id) for a node
     * that starts later.
     */
    record PresenceChanged(String stream, String id, JsonValue info, String holder) implements ClusterMessage {
        @Override
        public String kind() {
            return "presence";
        }

        @Override
        public String body() {
            JsonObjectBuilder body = Json.createObjectBuilder().add("id", id);
            if (info != null) {
                body.add("info", info);
            }
            return body.build().toString();
        }

        /** The presence queue's key. */
        String key() {
            return holder + "\n" + stream + "\n" + id;
        }
    }

    /** A whisper of a client of the node that sends it, for the subscribers of the others. */
    record Whispered(String stream, String dataJson) implements ClusterMessage {
        @Override
        public String kind() {
            return "whisper";
        }

        @Override
        public String body() {
            return dataJson;
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

    /** A presence change from its properties and body; null when malformed. */
    static PresenceChanged readPresence(String stream, String holder, String body) {
        if (stream == null || holder == null || body == null
                || !(JsonReading.parse(body) instanceof JsonObject object) || !(object.get("id") instanceof JsonString id)) {
            return null;
        }
        return new PresenceChanged(stream, id.getString(), object.get("info"), holder);
    }

    /** A whisper from its properties and body; null when malformed. */
    static Whispered readWhisper(String stream, String body) {
        return stream == null || body == null || !(JsonReading.parse(body) instanceof JsonObject) ? null : new Whispered(stream, body);
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
        if ("presence".equals(kind) || "whisper".equals(kind)) {
            return null; // read by readPresence and readWhisper, which need more properties
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
