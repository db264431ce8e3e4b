package io.jcable.internal.server;

import io.jcable.channel.CableRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.websocket.server.HandshakeRequest;
import java.net.URI;
import java.security.Principal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What the handshake request carried, copied while it is still there: after the upgrade the
 * container may recycle it. The remote address is added at open time, from the session.
 */
record HandshakeSnapshot(URI uri, Map<String, List<String>> query, Map<String, List<String>> headers,
                         Principal principal, Map<String, Object> sessionAttributes) {

    static final String KEY = HandshakeSnapshot.class.getName();

    static HandshakeSnapshot of(HandshakeRequest request) {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        request.getHeaders().forEach((name, values) -> headers.merge(name, List.copyOf(values),
                (a, b) -> List.copyOf(Stream.concat(a.stream(), b.stream()).toList())));
        return new HandshakeSnapshot(request.getRequestURI(), new LinkedHashMap<>(request.getParameterMap()), headers,
                request.getUserPrincipal(), sessionAttributes(request.getHttpSession()));
    }

    /** A copy of the session's attributes: the session itself may not be usable after the handshake. */
    private static Map<String, Object> sessionAttributes(Object session) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        if (session instanceof HttpSession http) {
            try {
                Collections.list(http.getAttributeNames()).forEach(name -> attributes.put(name, http.getAttribute(name)));
            } catch (IllegalStateException invalidated) {
                attributes.clear();
            }
        }
        return attributes;
    }

    CableRequest request(String remoteAddress) {
        return new CableRequest(uri, query, headers, Cookies.parse(headers.getOrDefault("Cookie", List.of())),
                principal, remoteAddress, sessionAttributes);
    }
}
