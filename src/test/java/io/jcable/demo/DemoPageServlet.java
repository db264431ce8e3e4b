package io.jcable.demo;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Map;

/**
 * The demo's web page: {@code /} is a chat page that uses the official {@code @rails/actioncable}
 * client, {@code /actioncable.esm.js} is that client (from npm's tarball, fetched by the build),
 * and {@code POST /demo/token?user=NAME} issues a demo token, so that a person can try the chat
 * without making a JWT by hand. Demo only: a real application issues tokens after a login.
 */
public class DemoPageServlet extends HttpServlet {

    private static final Map<String, String[]> FILES = Map.of(
            "/", new String[] {"demo/index.html", "text/html;charset=UTF-8"},
            "/actioncable.esm.js", new String[] {"demo/actioncable/package/app/assets/javascripts/actioncable.esm.js",
                    "text/javascript;charset=UTF-8"});

    private final transient DemoTokens tokens;

    /** In a WAR: the secret comes from CABLE_DEMO_SECRET. */
    public DemoPageServlet() {
        this(new DemoTokens(DemoSettings.currentSecret()));
    }

    public DemoPageServlet(DemoTokens tokens) {
        this.tokens = tokens;
    }

    /** The path inside the application, whatever its context root. */
    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String[] file = FILES.get(path(request));
        InputStream in = file == null ? null : DemoPageServlet.class.getClassLoader().getResourceAsStream(file[0]);
        if (in == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        try (in) {
            response.setContentType(file[1]);
            response.setHeader("Cache-Control", "no-cache");
            in.transferTo(response.getOutputStream());
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String user = request.getParameter("user");
        if (!"/demo/token".equals(path(request)) || user == null || !user.matches("[\\w .@-]{1,40}")) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, "user: 1 to 40 letters, digits, spaces, . @ - _");
            return;
        }
        response.setContentType("application/json");
        response.getWriter().write("{\"token\":\"" + tokens.issue(user.trim(), Duration.ofDays(1)) + "\"}");
    }
}
