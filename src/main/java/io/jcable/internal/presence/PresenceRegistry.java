package io.jcable.internal.presence;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who is present on each stream, on this node, as AnyCable keeps it: by presence id, each id with
 * its info and the sessions (subscriptions) that joined with it. An id joins with its first session
 * and leaves with its last, so a person with two tabs is one record.
 */
public final class PresenceRegistry {

    private static final class Record {
        JsonValue info;
        final Set<Object> sessions = new LinkedHashSet<>();
    }

    /** What a join did. */
    public enum Joined {
        /** The id is new on the stream: everyone hears {@code join}. */
        FIRST,
        /** Another session of an id already there: nobody hears anything. */
        AGAIN,
        /** The stream already has its most records: nothing was kept. */
        FULL
    }

    private final Map<String, Map<String, Record>> streams = new ConcurrentHashMap<>();

    /** Records that {@code session} joined {@code stream} as {@code id}, unless the stream holds {@code maxRecords} ids already. */
    public Joined join(String stream, String id, JsonValue info, Object session, int maxRecords) {
        while (true) {
            Map<String, Record> present = streams.computeIfAbsent(stream, name -> new LinkedHashMap<>());
            synchronized (present) {
                if (streams.get(stream) != present) {
                    continue; // emptied and dropped meanwhile: take the stream's new map
                }
                Record record = present.get(id);
                if (record == null) {
                    if (present.size() >= maxRecords) {
                        return Joined.FULL;
                    }
                    record = new Record();
                    present.put(id, record);
                }
                boolean first = record.sessions.isEmpty();
                record.info = info == null ? JsonValue.NULL : info;
                record.sessions.add(session);
                return first ? Joined.FIRST : Joined.AGAIN;
            }
        }
    }

    /**
     * Records that {@code session} left {@code stream} as {@code id}.
     *
     * @return whether that was the id's last session (then everyone hears {@code leave})
     */
    public boolean leave(String stream, String id, Object session) {
        Map<String, Record> present = streams.get(stream);
        if (present == null) {
            return false;
        }
        synchronized (present) {
            Record record = present.get(id);
            if (record == null || !record.sessions.remove(session) || !record.sessions.isEmpty()) {
                return false;
            }
            present.remove(id);
            if (present.isEmpty()) {
                streams.remove(stream, present);
            }
            return true;
        }
    }

    /** AnyCable's {@code info}: {@code {"type":"info","total":N,"records":[{"id":...,"info":...}]}}. */
    public JsonObject info(String stream) {
        JsonObject records = records(stream);
        return Json.createObjectBuilder().add("type", "info").add("total", records.get("total"))
                .add("records", records.get("records")).build();
    }

    /** Who is on {@code stream}: {@code {"total":N,"records":[{"id":...,"info":...}]}}. */
    public JsonObject records(String stream) {
        JsonArrayBuilder records = Json.createArrayBuilder();
        int total = 0;
        Map<String, Record> present = streams.get(stream);
        if (present != null) {
            synchronized (present) {
                for (Map.Entry<String, Record> entry : present.entrySet()) {
                    records.add(Json.createObjectBuilder().add("id", entry.getKey()).add("info", entry.getValue().info));
                    total++;
                }
            }
        }
        return Json.createObjectBuilder().add("total", total).add("records", records).build();
    }

    /** A join event's message. */
    public static String joined(String id, JsonValue info) {
        return Json.createObjectBuilder().add("type", "join").add("id", id).add("info", info == null ? JsonValue.NULL : info)
                .build().toString();
    }

    /** A leave event's message. */
    public static String left(String id) {
        return Json.createObjectBuilder().add("type", "leave").add("id", id).build().toString();
    }
}
