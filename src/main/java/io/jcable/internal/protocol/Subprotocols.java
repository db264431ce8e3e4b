package io.jcable.internal.protocol;

import java.util.List;

/**
 * Subprotocol negotiation as Rails does it, the client's first offer that the server knows, except
 * that a client offering AnyCable's extended protocol anywhere gets it.
 */
public final class Subprotocols {

    public static final String V1_JSON = "actioncable-v1-json";
    /** AnyCable's extended protocol: sessions, stream positions and history, pongs. */
    public static final String V1_EXT_JSON = "actioncable-v1-ext-json";
    /** Offered last by the official client; a server that picks it tells the client to give up. */
    public static final String UNSUPPORTED = "actioncable-unsupported";
    public static final List<String> KNOWN = List.of(V1_EXT_JSON, V1_JSON, UNSUPPORTED);

    private Subprotocols() {
    }

    /** The extended protocol when offered, else the client's first offer that we know, or "" (no Sec-WebSocket-Protocol header) when none. */
    public static String negotiate(List<String> offered) {
        if (offered.stream().anyMatch(protocol -> protocol.trim().equals(V1_EXT_JSON))) {
            return V1_EXT_JSON;
        }
        for (String protocol : offered) {
            if (KNOWN.contains(protocol.trim())) {
                return protocol.trim();
            }
        }
        return "";
    }
}
