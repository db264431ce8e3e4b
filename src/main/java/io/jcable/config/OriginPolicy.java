package io.jcable.config;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Which web pages may open a WebSocket here, as Rails decides it ({@code allow_same_origin_as_host}
 * plus {@code allowed_request_origins}): a browser sends the signed-in user's cookies, HTTP session
 * and container login with the upgrade of any page, so a page of another site must not get the
 * socket (cross-site WebSocket hijacking).
 *
 * <ul>
 * <li>A request without {@code Origin} is admitted: no browser page sent it, so it carries no
 *     credentials a page could borrow.</li>
 * <li>An {@code Origin} equal to the request's own scheme, host and port is admitted: the
 *     application's own pages. Behind a proxy that ends TLS or changes the host, that is what the
 *     proxy says in {@code X-Forwarded-Proto} and {@code X-Forwarded-Host}, trusted only when
 *     {@code jcable.trust-forwarded-headers} is true (a client may send them too).</li>
 * <li>Origins listed in {@code jcable.allowed-origins} are admitted too; {@code *} admits any.</li>
 * </ul>
 *
 * @param anyOrigin  {@code jcable.allowed-origins} is {@code *}
 * @param listed     the other origins of {@code jcable.allowed-origins}
 * @param trustForwardedHeaders {@code jcable.trust-forwarded-headers}
 */
public record OriginPolicy(boolean anyOrigin, List<WebOrigin> listed, boolean trustForwardedHeaders) {

    public static final String ALLOWED_ORIGINS = "jcable.allowed-origins";
    public static final String TRUST_FORWARDED_HEADERS = "jcable.trust-forwarded-headers";

    public OriginPolicy {
        listed = List.copyOf(listed);
    }

    /** The policy of these option values; an entry that is not an origin fails at start, naming the option. */
    static OriginPolicy read(Optional<String> allowedOrigins, boolean trustForwardedHeaders) {
        List<String> entries = allowedOrigins.stream().flatMap(value -> Arrays.stream(value.split(",")))
                .map(String::trim).filter(entry -> !entry.isEmpty()).toList();
        List<WebOrigin> listed = entries.stream().filter(entry -> !entry.equals("*"))
                .map(entry -> WebOrigin.parse(entry).orElseThrow(() -> new IllegalArgumentException(ALLOWED_ORIGINS
                        + " takes origins like https://app.example:8443 (scheme, host, port; no path), or *: " + entry)))
                .toList();
        return new OriginPolicy(entries.contains("*"), listed, trustForwardedHeaders);
    }

    /**
     * Whether a WebSocket upgrade may go on.
     *
     * @param secure  the request came over TLS
     * @param headers the request's headers by name, whatever its case (the first value of each)
     */
    public boolean admits(boolean secure, Function<String, String> headers) {
        String origin = headers.apply("Origin");
        if (origin == null || anyOrigin) {
            return true;
        }
        Optional<WebOrigin> page = WebOrigin.parse(origin.trim());
        return page.isPresent() && (page.equals(requestOrigin(secure, headers)) || listed.contains(page.get()));
    }

    /** The origin the request was made to: its own scheme and Host, or the trusted proxy's. */
    public Optional<WebOrigin> requestOrigin(boolean secure, Function<String, String> headers) {
        String scheme = secure ? "https" : "http";
        String host = headers.apply("Host");
        if (trustForwardedHeaders) {
            scheme = first(headers.apply("X-Forwarded-Proto")).orElse(scheme);
            host = first(headers.apply("X-Forwarded-Host")).orElse(host);
        }
        return WebOrigin.of(scheme, host == null ? null : host.trim());
    }

    /** The first proxy's value: the one facing the browser. */
    private static Optional<String> first(String header) {
        return Optional.ofNullable(header).map(value -> value.split(",", 2)[0].trim()).filter(value -> !value.isEmpty());
    }

    /** For the log line at start. */
    @Override
    public String toString() {
        String origins = anyOrigin ? "any" : listed.isEmpty() ? "same origin" : "same origin and " + listed;
        return trustForwardedHeaders ? origins + " (X-Forwarded-Proto/Host trusted)" : origins;
    }
}
