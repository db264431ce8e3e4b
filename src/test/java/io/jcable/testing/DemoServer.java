package io.jcable.testing;

import io.jcable.demo.DemoApp;
import io.jcable.demo.DemoSettings;
import io.jcable.demo.DemoTokens;
import io.jcable.standalone.CableServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The demo application on a free port of 127.0.0.1, with the reference's default secret and key.
 * One per test class: {@code @RegisterExtension static final DemoServer demo = DemoServer.perClass();}.
 * Or one of its own: {@code try (DemoServer demo = DemoServer.start(env)) { ... }}.
 */
public final class DemoServer implements AutoCloseable, BeforeAllCallback, AfterAllCallback {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private final Map<String, String> env;
    private final DemoTokens tokens = new DemoTokens(DemoSettings.DEFAULT_SECRET);
    private CableServer server;

    private DemoServer(Map<String, String> env) {
        this.env = new HashMap<>(env);
        this.env.putIfAbsent("CABLE_PORT", "0");
    }

    /** A server that starts before the test class's first test and stops after its last. */
    public static DemoServer perClass() {
        return new DemoServer(Map.of());
    }

    public static DemoServer start() {
        return start(Map.of());
    }

    /** Starts the demo with extra environment (DEMO-CONTRACT.md's CABLE_* variables, JCable's jcable.* options). */
    public static DemoServer start(Map<String, String> env) {
        DemoServer demo = new DemoServer(env);
        demo.server = DemoApp.start(demo.env);
        return demo;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        server = DemoApp.start(env);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    public CableServer server() {
        return server;
    }

    public <T> T bean(Class<T> type) {
        return server.bean(type);
    }

    public String token(String user) {
        return tokens.issue(user, Duration.ofHours(1));
    }

    /** The cable URI with a valid token for {@code user}. */
    public URI cable(String user) {
        return cableWithToken(token(user));
    }

    public URI cableWithToken(String token) {
        return URI.create("ws://127.0.0.1:" + server.port() + "/cable?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
    }

    /** Connects {@code user} and takes the welcome. */
    public CableClient connect(String user) {
        CableClient client = CableClient.connect(cable(user));
        String welcome = client.next();
        if (!welcome.equals("{\"type\":\"welcome\"}")) {
            throw new AssertionError("expected the welcome, got " + welcome);
        }
        return client;
    }

    public URI http(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    /** POST /_broadcast with the demo key. */
    public HttpResponse<String> broadcast(String body) {
        return post("/_broadcast", body, "Bearer " + DemoSettings.DEFAULT_BROADCAST_KEY);
    }

    public HttpResponse<String> post(String path, String body, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(http(path)).POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return send(request.build());
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Waits until the connections of earlier tests are closed and cleaned up: no connection, no stream subscription. */
    public void awaitIdle() {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() ->
                bean(io.jcable.server.ConnectionRegistry.class).size() == 0
                        && bean(io.jcable.broadcast.StreamRegistry.class).subscriptionCount() == 0);
    }

    @Override
    public void close() {
        server.stop();
    }
}
