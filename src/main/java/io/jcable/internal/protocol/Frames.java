package io.jcable.internal.protocol;

import java.util.List;

/**
 * The frames the server sends, built as text. Member order follows Rails so that a byte-level
 * comparison with the reference server holds.
 */
public final class Frames {

    public static final String WELCOME = "{\"type\":\"welcome\"}";

    private Frames() {
    }

    /** The extended protocol's welcome, with the session's id. */
    public static String welcome(String sid) {
        return "{\"type\":\"welcome\",\"sid\":" + JsonText.quote(sid) + "}";
    }

    /** The extended protocol's welcome of a restored session, with the identifiers it is subscribed to again. */
    public static String welcomeRestored(String sid, List<String> identifiers) {
        StringBuilder out = new StringBuilder("{\"type\":\"welcome\",\"sid\":").append(JsonText.quote(sid))
                .append(",\"restored\":true,\"restored_ids\":[");
        for (int i = 0; i < identifiers.size(); i++) {
            JsonText.appendQuoted(i == 0 ? out : out.append(','), identifiers.get(i));
        }
        return out.append("]}").toString();
    }

    /** Everything of a presence frame before its message: {@code {"type":"presence","identifier":...,"message":}. */
    public static String presencePrefix(String identifier) {
        StringBuilder out = new StringBuilder(identifier.length() + 48).append("{\"type\":\"presence\",\"identifier\":");
        JsonText.appendQuoted(out, identifier);
        return out.append(",\"message\":").toString();
    }

    public static String confirmHistory(String identifier) {
        return "{\"type\":\"confirm_history\",\"identifier\":" + JsonText.quote(identifier) + "}";
    }

    public static String rejectHistory(String identifier) {
        return "{\"type\":\"reject_history\",\"identifier\":" + JsonText.quote(identifier) + "}";
    }

    /**
     * What ends a message frame from a stream under the extended protocol, in place of its last
     * {@code }}: {@code ,"stream_id":"<stream>","epoch":"<epoch>","offset":<n>}}.
     */
    public static String positionedEnd(String stream, String epoch, long offset) {
        StringBuilder out = new StringBuilder(stream.length() + 48).append(",\"stream_id\":");
        JsonText.appendQuoted(out, stream);
        out.append(",\"epoch\":");
        JsonText.appendQuoted(out, epoch);
        return out.append(",\"offset\":").append(offset).append('}').toString();
    }

    /** The answer to an extended-protocol client's {@code ping} command. */
    public static final String PONG = "{\"type\":\"pong\"}";

    public static String ping(long unixSeconds) {
        return "{\"type\":\"ping\",\"message\":" + unixSeconds + "}";
    }

    public static String confirm(String identifier) {
        return "{\"identifier\":" + JsonText.quote(identifier) + ",\"type\":\"confirm_subscription\"}";
    }

    public static String reject(String identifier) {
        return "{\"identifier\":" + JsonText.quote(identifier) + ",\"type\":\"reject_subscription\"}";
    }

    /** Always carries {@code reconnect}: the Rails client never reconnects when it is missing. */
    public static String disconnect(DisconnectReason reason, boolean reconnect) {
        return "{\"type\":\"disconnect\",\"reason\":\"" + reason.wireName() + "\",\"reconnect\":" + reconnect + "}";
    }

    /** A message for one subscription: {@code payloadJson} must already be JSON text. */
    public static String message(String identifier, String payloadJson) {
        return messagePrefix(identifier) + payloadJson + '}';
    }

    /**
     * Everything of a message frame before its payload. A broadcast builds each frame as
     * prefix + payload + "}" once per identifier, whatever the number of sockets.
     */
    public static String messagePrefix(String identifier) {
        StringBuilder out = new StringBuilder(identifier.length() + 32).append("{\"identifier\":");
        JsonText.appendQuoted(out, identifier);
        return out.append(",\"message\":").toString();
    }
}
