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

/** The demo application on a free port of 127.0.0.1, with the reference's default secret and key. */
public final class DemoServer implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private final CableServer server;
    private final DemoTokens tokens = new DemoTokens(DemoSettings.DEFAULT_SECRET);

    private DemoServer(CableServer server) {
        this.server = server;
    }

    public static DemoServer start() {
        return start(Map.of());
    }

    /** Starts the demo with extra environment (DEMO-CONTRACT.md's CABLE_* variables). */
    public static DemoServer start(Map<String, String> env) {
        Map<String, String> all = new HashMap<>(env);
        all.putIfAbsent("CABLE_PORT", "0");
        return new DemoServer(DemoApp.start(all));
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
