package io.jcable.server;

import io.jcable.channel.CableRequest;
import jakarta.websocket.server.HandshakeRequest;
import java.net.URI;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the handshake request carried, copied while it is still there: after the upgrade the
 * container may recycle it. The remote address is added at open time, from the session.
 */
record HandshakeSnapshot(URI uri, Map<String, List<String>> query, Map<String, List<String>> headers,
                         Principal principal) {

    static final String KEY = HandshakeSnapshot.class.getName();

    static HandshakeSnapshot of(HandshakeRequest request) {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        request.getHeaders().forEach((name, values) -> headers.merge(name, List.copyOf(values),
                (a, b) -> List.copyOf(java.util.stream.Stream.concat(a.stream(), b.stream()).toList())));
        return new HandshakeSnapshot(request.getRequestURI(), new LinkedHashMap<>(request.getParameterMap()), headers,
                request.getUserPrincipal());
    }

    CableRequest request(String remoteAddress) {
        return new CableRequest(uri, query, headers, Cookies.parse(headers.getOrDefault("Cookie", List.of())),
                principal, remoteAddress);
    }
}
