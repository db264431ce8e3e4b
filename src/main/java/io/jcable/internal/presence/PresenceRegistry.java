package io.jcable.internal.presence;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Who is present on each stream, as AnyCable keeps it: by presence id, each id with its info, the
 * sessions (subscriptions) of this node that joined with it, and the other nodes of the cluster that
 * hold it. An id joins with its first holder anywhere and leaves with its last, so a person with two
 * tabs, or on two nodes, is one record. What this node holds is announced to the cluster; what other
 * nodes announce is kept by node, and dropped with a node that is gone.
 */
public final class PresenceRegistry {

    private static final class Record {
        JsonValue info;
        final Set<Object> sessions = new LinkedHashSet<>();
        final Set<String> nodes = new LinkedHashSet<>();

        boolean empty() {
            return sessions.isEmpty() && nodes.isEmpty();
        }
    }

    /** What a join of a session of this node did. */
    public enum Joined {
        /** The id is new on the stream: everyone hears {@code join}, and the cluster is told. */
        FIRST,
        /** The id was held by other nodes only: nobody hears anything, the cluster is told this node holds it too. */
        FIRST_HERE,
        /** Another session of this node already holds the id: nobody hears anything. */
        AGAIN,
        /** The stream already has its most records: nothing was kept. */
        FULL
    }

    /** What a leave of a session of this node did. */
    public enum Left {
        /** The id's last holder anywhere: everyone hears {@code leave}, and the cluster is told. */
        LAST,
        /** This node's last session of the id, other nodes still hold it: the cluster is told. */
        LAST_HERE,
        /** Other sessions of this node still hold it, or it was not held: nothing changes. */
        STILL
    }

    /** A record this node holds, as announced to the cluster. */
    public record Held(String stream, String id, JsonValue info) {
    }

    /** One factory: {@code Json.createObjectBuilder} looks the provider up again at each call. */
    private static final JsonBuilderFactory JSON = JsonProvider.provider().createBuilderFactory(Map.of());

    private final Map<String, Map<String, Record>> streams = new ConcurrentHashMap<>();
    private volatile boolean stale;

    /** Records that {@code session} joined {@code stream} as {@code id}, unless the stream holds {@code maxRecords} ids already. */
    public Joined join(String stream, String id, JsonValue info, Object session, int maxRecords) {
        return underStream(stream, present -> {
            Record record = present.get(id);
            if (record == null) {
                if (present.size() >= maxRecords) {
                    return Joined.FULL;
                }
                record = new Record();
                present.put(id, record);
            }
            Joined joined = record.empty() ? Joined.FIRST : record.sessions.isEmpty() ? Joined.FIRST_HERE : Joined.AGAIN;
            record.info = info == null ? JsonValue.NULL : info;
            record.sessions.add(session);
            return joined;
        });
    }

    /** Records that {@code session} left {@code stream} as {@code id}. */
    public Left leave(String stream, String id, Object session) {
        Map<String, Record> present = streams.get(stream);
        if (present == null) {
            return Left.STILL;
        }
        synchronized (present) {
            Record record = present.get(id);
            if (record == null || !record.sessions.remove(session) || !record.sessions.isEmpty()) {
                return Left.STILL;
            }
            return forgetIfEmpty(stream, present, id, record) ? Left.LAST : Left.LAST_HERE;
        }
    }

    /** Another node holds {@code id} on {@code stream}; true when the id is new here (everyone on this node hears {@code join}). */
    public boolean joinRemote(String stream, String id, JsonValue info, String node) {
        return underStream(stream, present -> {
            Record record = present.computeIfAbsent(id, key -> new Record());
            boolean first = record.empty();
            record.info = info == null ? JsonValue.NULL : info;
            record.nodes.add(node);
            return first;
        });
    }

    /** Runs {@code change} on {@code stream}'s records, held; a stream emptied and dropped meanwhile is begun again. */
    private <T> T underStream(String stream, Function<Map<String, Record>, T> change) {
        while (true) {
            Map<String, Record> present = streams.computeIfAbsent(stream, name -> new LinkedHashMap<>());
            synchronized (present) {
                if (streams.get(stream) == present) {
                    return change.apply(present);
                }
            }
        }
    }

    /** Another node no longer holds {@code id}; true when that was its last holder (everyone on this node hears {@code leave}). */
    public boolean leaveRemote(String stream, String id, String node) {
        Map<String, Record> present = streams.get(stream);
        if (present == null) {
            return false;
        }
        synchronized (present) {
            Record record = present.get(id);
            return record != null && record.nodes.remove(node) && forgetIfEmpty(stream, present, id, record);
        }
    }

    /** A node is gone: what it held is dropped; returns the records that had no other holder, as {@code [stream, id]}. */
    public List<String[]> dropNode(String node) {
        List<String[]> gone = new ArrayList<>();
        streams.forEach((stream, present) -> {
            synchronized (present) {
                Iterator<Map.Entry<String, Record>> records = present.entrySet().iterator();
                while (records.hasNext()) {
                    Map.Entry<String, Record> entry = records.next();
                    if (entry.getValue().nodes.remove(node) && entry.getValue().empty()) {
                        records.remove();
                        gone.add(new String[] {stream, entry.getKey()});
                    }
                }
                if (present.isEmpty()) {
                    streams.remove(stream, present);
                }
            }
        });
        return gone;
    }

    /** The records this node's own sessions hold: what it announces again after its broker came back. */
    public List<Held> heldHere() {
        List<Held> held = new ArrayList<>();
        streams.forEach((stream, present) -> {
            synchronized (present) {
                present.forEach((id, record) -> {
                    if (!record.sessions.isEmpty()) {
                        held.add(new Held(stream, id, record.info));
                    }
                });
            }
        });
        return held;
    }

    /** The records {@code node} holds, as it announced them. */
    public List<Held> heldBy(String node) {
        List<Held> held = new ArrayList<>();
        streams.forEach((stream, present) -> {
            synchronized (present) {
                present.forEach((id, record) -> {
                    if (record.nodes.contains(node)) {
                        held.add(new Held(stream, id, record.info));
                    }
                });
            }
        });
        return held;
    }

    /** Whether this node hears the cluster: while it does not, what other nodes hold may be out of date. */
    public void stale(boolean outOfDate) {
        stale = outOfDate;
    }

    private boolean forgetIfEmpty(String stream, Map<String, Record> present, String id, Record record) {
        if (!record.empty()) {
            return false;
        }
        present.remove(id);
        if (present.isEmpty()) {
            streams.remove(stream, present);
        }
        return true;
    }

    /** AnyCable's {@code info}: {@code {"type":"info","total":N,"records":[{"id":...,"info":...}]}}. */
    public JsonObject info(String stream) {
        JsonObject records = records(stream);
        JsonObjectBuilder info = JSON.createObjectBuilder().add("type", "info").add("total", records.get("total"))
                .add("records", records.get("records"));
        if (records.containsKey("stale")) {
            info.add("stale", true);
        }
        return info.build();
    }

    /**
     * Who is on {@code stream}: {@code {"total":N,"records":[{"id":...,"info":...}]}}, with {@code "stale":true}
     * while this node does not hear the cluster.
     */
    public JsonObject records(String stream) {
        List<Held> held = new ArrayList<>();
        Map<String, Record> present = streams.get(stream);
        if (present != null) {
            synchronized (present) { // copied under the lock, written out of it
                present.forEach((id, record) -> held.add(new Held(stream, id, record.info)));
            }
        }
        JsonArrayBuilder records = JSON.createArrayBuilder();
        held.forEach(one -> records.add(JSON.createObjectBuilder().add("id", one.id()).add("info", one.info())));
        JsonObjectBuilder answer = JSON.createObjectBuilder().add("total", held.size()).add("records", records);
        if (stale) {
            answer.add("stale", true);
        }
        return answer.build();
    }

    /** A join event's message. */
    public static String joined(String id, JsonValue info) {
        return JSON.createObjectBuilder().add("type", "join").add("id", id).add("info", info == null ? JsonValue.NULL : info)
                .build().toString();
    }

    /** A leave event's message. */
    public static String left(String id) {
        return JSON.createObjectBuilder().add("type", "leave").add("id", id).build().toString();
    }
}
