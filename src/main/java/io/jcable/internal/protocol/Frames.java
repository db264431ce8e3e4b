package io.jcable.internal.protocol;

/**
 * The frames the server sends, built as text. Member order follows Rails so that a byte-level
 * comparison with the reference server holds.
 */
public final class Frames {

    public static final String WELCOME = "{\"type\":\"welcome\"}";

    private Frames() {
    }

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
