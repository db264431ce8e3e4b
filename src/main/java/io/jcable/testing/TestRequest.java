package io.jcable.testing;

import io.jcable.channel.CableRequest;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The handshake request a test connects with: query parameters, headers, cookies, the container's
 * user and HTTP session, as a {@link io.jcable.channel.ConnectionHandler} reads them from a
 * {@link CableRequest}.
 *
 * <pre>{@code
 * TestConnection connection = cable.connect(TestRequest.to("/cable").param("token", token).cookie("lang", "fr"));
 * }</pre>
 */
public final class TestRequest {

    private final String path;
    private final Map<String, List<String>> query = new LinkedHashMap<>();
    private final Map<String, List<String>> headers = new LinkedHashMap<>();
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private final Map<String, Object> sessionAttributes = new LinkedHashMap<>();
    private Principal principal;
    private String subprotocol = "actioncable-v1-json";

    private TestRequest(String path) {
        this.path = path;
    }

    /** A request for {@code path}, e.g. {@code /cable}, with nothing else. */
    public static TestRequest to(String path) {
        return new TestRequest(path);
    }

    /** Adds a query parameter. */
    public TestRequest param(String name, String value) {
        query.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        return this;
    }

    /** Adds a header. */
    public TestRequest header(String name, String value) {
        headers.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        return this;
    }

    /** Adds a cookie (sent in the {@code Cookie} header). */
    public TestRequest cookie(String name, String value) {
        cookies.put(name, value);
        return this;
    }

    /** The user the container authenticated. */
    public TestRequest principal(Principal principal) {
        this.principal = principal;
        return this;
    }

    /** An attribute of the HTTP session the request belongs to. */
    public TestRequest sessionAttribute(String name, Object value) {
        sessionAttributes.put(name, value);
        return this;
    }

    /** The subprotocol the server selected: {@code actioncable-v1-json} (the default) or {@code actioncable-v1-ext-json}. */
    public TestRequest subprotocol(String subprotocol) {
        this.subprotocol = subprotocol;
        return this;
    }

    String subprotocol() {
        return subprotocol;
    }

    CableRequest toCableRequest() {
        Map<String, List<String>> allHeaders = new LinkedHashMap<>(headers);
        if (!cookies.isEmpty()) {
            allHeaders.put("Cookie", List.of(cookies.entrySet().stream()
                    .map(cookie -> cookie.getKey() + "=" + cookie.getValue()).collect(Collectors.joining("; "))));
        }
        String queryString = query.entrySet().stream()
                .flatMap(param -> param.getValue().stream().map(value -> encode(param.getKey()) + "=" + encode(value)))
                .collect(Collectors.joining("&"));
        URI uri = URI.create(queryString.isEmpty() ? path : path + "?" + queryString);
        return new CableRequest(uri, query, allHeaders, cookies, principal, "127.0.0.1", sessionAttributes);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
