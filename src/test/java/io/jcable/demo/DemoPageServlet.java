package io.jcable.demo;

import io.jcable.turbo.TurboStream;
import io.jcable.turbo.TurboStreams;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The demo's web page: {@code /} is a chat page that uses the official {@code @rails/actioncable}
 * client, {@code /actioncable.esm.js} is that client and {@code /turbo.js} turbo-rails' bundle of
 * {@code @hotwired/turbo}, {@code /vendor/...} the modules of {@code @anycable/web} (the chat's client,
 * by default) and of what it imports (all from npm's tarballs, fetched by the build), and
 * {@code POST /demo/token?user=NAME} issues a demo token, so that a person can try the chat without
 * making a JWT by hand; {@code POST /demo/comments} adds a comment to a post through Turbo Streams. Demo only: a real application issues tokens after a login.
 *
 * <p>The page is rendered as turbo-rails renders {@code turbo_stream_from}: the post's
 * {@code <turbo-cable-stream-source>} tag, signed by JCable's {@link TurboStreams}, takes the place
 * of {@value #STREAM_SOURCE}.
 */
public class DemoPageServlet extends HttpServlet {

    static final String PAGE = "demo/index.html";
    static final String STREAM_SOURCE = "<!-- the post's turbo-cable-stream-source -->";
    /** The post a page shows when its URL names none; the page's script has the same default. */
    static final String DEFAULT_POST = "42";
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());
    private static final String JAVASCRIPT = "text/javascript;charset=UTF-8";
    private static final Map<String, String[]> FILES = Map.of(
            "/actioncable.esm.js", new String[] {"demo/actioncable/package/app/assets/javascripts/actioncable.esm.js", JAVASCRIPT},
            "/turbo.js", new String[] {"demo/turbo-rails/package/app/assets/javascripts/turbo.js", JAVASCRIPT});

    /** {@code /vendor/<package>/<file>.js}: a module of AnyCable's client or of what it imports, from npm's tarballs. */
    private static final Pattern VENDOR = Pattern.compile("/vendor/(anycable-web|anycable-core|nanoevents)/((?:[a-z_-]+/)*[a-z_-]+\\.js)");

    private final transient DemoTokens tokens;
    private final transient Supplier<TurboStreams> turbo;

    /** In a WAR: the secret comes from CABLE_DEMO_SECRET, the signer from the application's CDI container. */
    public DemoPageServlet() {
        this(new DemoTokens(DemoSettings.currentSecret()), () -> CDI.current().select(TurboStreams.class).get());
    }

    /** @param turbo JCable's Turbo API, looked up when the page is first asked for (the server is started by then) */
    public DemoPageServlet(DemoTokens tokens, Supplier<TurboStreams> turbo) {
        this.tokens = tokens;
        this.turbo = turbo;
    }

    /** The post a page is about: {@code ?post=}, trimmed, as the page's script reads it. */
    static String post(HttpServletRequest request) {
        return Optional.ofNullable(request.getParameter("post")).map(String::trim).filter(post -> !post.isEmpty()).orElse(DEFAULT_POST);
    }

    /** The path inside the application, whatever its context root. */
    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if ("/".equals(path(request))) {
            page(request, response);
            return;
        }
        Matcher vendor = VENDOR.matcher(path(request));
        String[] file = vendor.matches()
                ? new String[] {"demo/" + vendor.group(1) + "/package/" + vendor.group(2), JAVASCRIPT}
                : FILES.get(path(request));
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

    /**
     * {@code POST /demo/comments?post=&author=&body=}: a comment, rendered here and appended to every
     * page of the post by Turbo, as a Rails controller's {@code broadcast_append_to} would.
     */
    private void comment(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String body = Optional.ofNullable(request.getParameter("body")).map(String::trim).orElse("");
        String author = Optional.ofNullable(request.getParameter("author")).map(String::trim).filter(a -> !a.isEmpty()).orElse("guest");
        if (body.isEmpty() || body.length() > 1000 || author.length() > 40) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, "body: 1 to 1000 characters; author: at most 40");
            return;
        }
        Instant now = Instant.now();
        String html = "<article class=\"comment\"><header><span class=\"who\">" + escape(author) + "</span><time datetime=\""
                + now + "\">" + CLOCK.format(now)
                + "</time></header><p>" + escape(body) + "</p></article>";
        turbo.get().broadcastTo(TurboStream.append("comments", html), "comments", "post", post(request));
        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
    }

    /** Text as HTML: what people type never becomes markup. */
    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }

    private void page(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String page;
        try (InputStream in = DemoPageServlet.class.getClassLoader().getResourceAsStream(PAGE)) {
            page = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        // The page's comments stream, as turbo_stream_from "comments", "post", post renders it in Rails.
        String source = turbo.get().streamSourceTag("comments", "post", post(request));
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "no-cache");
        response.getWriter().write(page.replace(STREAM_SOURCE, source));
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if ("/demo/comments".equals(path(request))) {
            comment(request, response);
            return;
        }
        String user = request.getParameter("user");
        if (!"/demo/token".equals(path(request)) || user == null || !user.matches("[\\w .@-]{1,40}")) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, "user: 1 to 40 letters, digits, spaces, . @ - _");
            return;
        }
        response.setContentType("application/json");
        response.getWriter().write("{\"token\":\"" + tokens.issue(user.trim(), Duration.ofDays(1)) + "\"}");
    }
}
