package io.jcable.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * A web origin (RFC 6454): scheme, host and port, compared the way browsers compare them: scheme
 * and host whatever their case, a missing port as the scheme's default one, an IPv6 address in
 * any of its spellings.
 *
 * @param port the port, or -1 when none is given and the scheme has no default
 */
public record WebOrigin(String scheme, String host, int port) {

    /**
     * The origin an {@code Origin} header or an option names, e.g. {@code https://app.example:8443};
     * empty for anything else: {@code null} (an opaque origin), a path, no scheme, a bad port.
     */
    public static Optional<WebOrigin> parse(String text) {
        int separator = text == null ? -1 : text.indexOf("://");
        if (separator <= 0) {
            return Optional.empty();
        }
        return of(text.substring(0, separator), text.substring(separator + 3));
    }

    /** The origin of a request made with {@code scheme} to {@code authority}, a Host header ({@code host[:port]}). */
    public static Optional<WebOrigin> of(String scheme, String authority) {
        if (scheme == null || authority == null || authority.isEmpty()
                || !scheme.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '+' || c == '-' || c == '.')
                || authority.chars().anyMatch(c -> c <= ' ' || c == '/' || c == '?' || c == '#' || c == '@')) {
            return Optional.empty();
        }
        String lowerScheme = scheme.toLowerCase(Locale.ROOT);
        String host;
        String port;
        if (authority.startsWith("[")) {
            int close = authority.indexOf(']');
            host = close < 0 ? null : ipv6(authority.substring(1, close));
            port = close < 0 ? null : authority.substring(close + 1);
        } else {
            int colon = authority.indexOf(':');
            host = colon < 0 ? authority : authority.substring(0, colon);
            port = colon < 0 ? "" : authority.substring(colon);
            host = host.isEmpty() ? null : host.toLowerCase(Locale.ROOT);
        }
        if (host == null || !(port.isEmpty() || port.startsWith(":"))) {
            return Optional.empty();
        }
        int number = port.length() <= 1 ? defaultPort(lowerScheme) : number(port.substring(1));
        return number < -1 ? Optional.empty() : Optional.of(new WebOrigin(lowerScheme, host, number));
    }

    private static int defaultPort(String scheme) {
        return switch (scheme) {
            case "http", "ws" -> 80;
            case "https", "wss" -> 443;
            default -> -1;
        };
    }

    /** A port number, or -2 when {@code digits} is not one. */
    private static int number(String digits) {
        if (digits.length() > 5 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return -2;
        }
        int port = Integer.parseInt(digits);
        return port <= 65535 ? port : -2;
    }

    /** One spelling of an IPv6 literal ({@code ::1}, {@code 0:0:0:0:0:0:0:1}), or null for anything else. */
    private static String ipv6(String literal) {
        if (literal.isEmpty() || !literal.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == ':' || c == '.')) {
            return null;
        }
        try {
            // Brackets make the JDK read a literal and never ask DNS.
            return "[" + InetAddress.getByName("[" + literal + "]").getHostAddress() + "]";
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** As an {@code Origin} header spells it: the port only when it is not the scheme's default. */
    @Override
    public String toString() {
        return scheme + "://" + host + (port == -1 || port == defaultPort(scheme) ? "" : ":" + port);
    }
}
