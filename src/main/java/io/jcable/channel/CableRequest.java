package io.jcable.channel;

import java.net.URI;
import java.security.Principal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An immutable snapshot of the HTTP request that opened a connection, for the
 * {@link ConnectionHandler}.
 *
 * @param uri             the request URI as the container gave it at the handshake (Tyrus leaves the
 *                        query out: read it from {@code queryParameters})
 * @param queryParameters decoded query parameters
 * @param headers         request headers; names are case-insensitive
 * @param cookies         cookies from the {@code Cookie} header
 * @param principal         the container-authenticated user, or null
 * @param remoteAddress     the peer's address as the container sees it ("unknown" when it cannot tell)
 * @param sessionAttributes the attributes of the HTTP session the request belongs to, as they were
 *                          at the handshake (empty without a session, and on the standalone runtime)
 */
public record CableRequest(URI uri, Map<String, List<String>> queryParameters, Map<String, List<String>> headers,
                           Map<String, String> cookies, Principal principal, String remoteAddress,
                           Map<String, Object> sessionAttributes) {

    /** Copies the maps, so that the snapshot never changes. */
    public CableRequest {
        queryParameters = copy(queryParameters, new LinkedHashMap<>());
        headers = copy(headers, new TreeMap<>(String.CASE_INSENSITIVE_ORDER));
        cookies = cookies.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(cookies));
        sessionAttributes = sessionAttributes.isEmpty() ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(sessionAttributes));
    }

    /** The first value of a query parameter. */
    public Optional<String> queryParameter(String name) {
        return first(queryParameters.get(name));
    }

    /** The first value of a header, whatever the case of its name. */
    public Optional<String> header(String name) {
        return first(headers.get(name));
    }

    /** A cookie's value. */
    public Optional<String> cookie(String name) {
        return Optional.ofNullable(cookies.get(name));
    }

    /** Who the container authenticated for the upgrade request (its login), if anyone. */
    public Optional<Principal> userPrincipal() {
        return Optional.ofNullable(principal);
    }

    /** An attribute of the HTTP session, e.g. what a login servlet stored there. */
    public Optional<Object> sessionAttribute(String name) {
        return Optional.ofNullable(sessionAttributes.get(name));
    }

    private static Optional<String> first(List<String> values) {
        return values == null || values.isEmpty() ? Optional.empty() : Optional.ofNullable(values.get(0));
    }

    /** Kept for the connection's life, hence no empty maps of its own. */
    private static Map<String, List<String>> copy(Map<String, List<String>> from, Map<String, List<String>> into) {
        if (from.isEmpty()) {
            return Map.of();
        }
        from.forEach((name, values) -> into.put(name, List.copyOf(values)));
        return Collections.unmodifiableMap(into);
    }
}
