package io.jcable.internal.protocol;

import java.util.List;

/** Subprotocol negotiation as Rails does it: the client's first offer that the server knows. */
public final class Subprotocols {

    public static final String V1_JSON = "actioncable-v1-json";
    /** Offered last by the official client; a server that picks it tells the client to give up. */
    public static final String UNSUPPORTED = "actioncable-unsupported";
    public static final List<String> KNOWN = List.of(V1_JSON, UNSUPPORTED);

    private Subprotocols() {
    }

    /** The client's first offer that we know, or "" (no Sec-WebSocket-Protocol header) when none. */
    public static String negotiate(List<String> offered) {
        for (String protocol : offered) {
            if (KNOWN.contains(protocol.trim())) {
                return protocol.trim();
            }
        }
        return "";
    }
}
