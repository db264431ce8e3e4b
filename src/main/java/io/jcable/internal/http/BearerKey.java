package io.jcable.internal.http;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** The HTTP APIs' key, {@code jcable.broadcast-key}, as {@code Authorization: Bearer <key>}. */
final class BearerKey {

    private final byte[] expectedAuthorization;

    BearerKey(String key) {
        this.expectedAuthorization = ("Bearer " + key).getBytes(StandardCharsets.UTF_8);
    }

    /** Compares in constant time, so the key cannot be guessed byte by byte from response times. */
    boolean admits(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        return header != null && MessageDigest.isEqual(header.getBytes(StandardCharsets.UTF_8), expectedAuthorization);
    }

    /** A short plain-text answer, as both APIs give for what they refuse. */
    static void reply(HttpServletResponse response, int status, String text) throws IOException {
        response.setStatus(status);
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write(text);
    }
}
