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

    /**
     * Whether the request is to be served: its method is {@code method} and it carries the key; else
     * its 405 or 401 has been answered.
     */
    boolean admits(HttpServletRequest request, HttpServletResponse response, String method) throws IOException {
        if (!method.equals(request.getMethod())) {
            response.setHeader("Allow", method);
            reply(response, HttpServletResponse.SC_METHOD_NOT_ALLOWED, "Method not allowed");
            return false;
        }
        if (!hasKey(request.getHeader("Authorization"))) {
            reply(response, HttpServletResponse.SC_UNAUTHORIZED, "Unauthorized");
            return false;
        }
        return true;
    }

    /** Compares in constant time, so the key cannot be guessed byte by byte from response times. */
    private boolean hasKey(String header) {
        return header != null && MessageDigest.isEqual(header.getBytes(StandardCharsets.UTF_8), expectedAuthorization);
    }

    /** A short plain-text answer, as both APIs give for what they refuse. */
    static void reply(HttpServletResponse response, int status, String text) throws IOException {
        response.setStatus(status);
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write(text);
    }
}
