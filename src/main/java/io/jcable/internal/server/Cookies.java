package io.jcable.internal.server;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads {@code Cookie} request headers (RFC 6265, section 5.4): the handshake API only gives the raw header. */
final class Cookies {

    private Cookies() {
    }

    static Map<String, String> parse(List<String> headerValues) {
        Map<String, String> cookies = new LinkedHashMap<>();
        for (String header : headerValues) {
            for (String pair : header.split(";")) {
                int equals = pair.indexOf('=');
                if (equals <= 0) {
                    continue;
                }
                String name = pair.substring(0, equals).trim();
                String value = pair.substring(equals + 1).trim();
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1);
                }
                // The first of two cookies with one name is the more specific one (section 5.4, step 2).
                if (!name.isEmpty()) {
                    cookies.putIfAbsent(name, value);
                }
            }
        }
        return cookies;
    }
}
