package io.jcable.internal.http;

import io.jcable.internal.presence.PresenceRegistry;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code GET /_presence/<stream>} with {@code Authorization: Bearer <key>}: who is present on the
 * stream, {@code {"total":N,"records":[{"id":...,"info":...}]}} (AnyCable's REST API answers
 * {@code GET /api/presence/<stream>/users} alike). 401 without the key, 400 without a stream, 405
 * for other methods. The cluster's view, merged on this node (with "stale":true while it does not hear the cluster).
 */
public class PresenceServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    private final transient PresenceRegistry presence;
    private final transient BearerKey key;

    public PresenceServlet(PresenceRegistry presence, String key) {
        this.presence = presence;
        this.key = new BearerKey(key);
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!key.admits(request, response, "GET")) {
            return;
        }
        String path = request.getPathInfo();
        if (path == null || path.length() < 2) {
            BearerKey.reply(response, HttpServletResponse.SC_BAD_REQUEST, "Name a stream: " + request.getServletPath() + "/<stream>");
            return;
        }
        response.setContentType("application/json");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(presence.records(path.substring(1)).toString());
    }
}
