package io.jcable.testing;

import io.jcable.internal.protocol.JsonText;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A real WebSocket client (the JDK's) for integration tests against a running server (standalone,
 * or a WAR on WildFly or Payara): it speaks the wire frame by frame and records every frame it
 * receives. Pings are skipped by {@link #next()} and kept by {@link #nextFrame()}. A wait that runs
 * out, or a check that does not hold, throws {@link AssertionError}, which every test framework
 * reports as a failure. JCable's own tests use it.
 *
 * <pre>{@code
 * try (CableClient client = CableClient.connect(URI.create("ws://127.0.0.1:8080/cable?token=" + token))) {
 *     assertEquals("{\"type\":\"welcome\"}", client.next());
 *     client.subscribeConfirmed("{\"channel\":\"ChatChannel\",\"room\":\"lobby\"}");
 * }
 * }</pre>
 */
public final class CableClient implements AutoCloseable {

    public static final Duration WAIT = Duration.ofSeconds(10);
    public static final List<String> OFFERED = List.of("actioncable-v1-json", "actioncable-unsupported");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** How the server closed the socket. */
    public record Close(int code, String reason) {
    }

    private final BlockingQueue<String> frames = new LinkedBlockingQueue<>();
    private final CompletableFuture<Close> closed = new CompletableFuture<>();
    private WebSocket socket;

    private CableClient() {
    }

    public static CableClient connect(URI uri) {
        return connect(uri, Map.of(), OFFERED);
    }

    public static CableClient connect(URI uri, Map<String, String> headers, List<String> subprotocols) {
        return connect(HTTP, uri, headers, subprotocols);
    }

    /** Connects through {@code http}, e.g. a client that trusts a test certificate. */
    public static CableClient connect(HttpClient http, URI uri, Map<String, String> headers, List<String> subprotocols) {
        CableClient client = new CableClient();
        client.socket = start(http, uri, headers, subprotocols, client.listener()).join();
        return client;
    }

    /** Opens without waiting, for many connections at once. */
    public static CompletableFuture<CableClient> connectAsync(URI uri) {
        CableClient client = new CableClient();
        return start(HTTP, uri, Map.of(), OFFERED, client.listener()).thenApply(socket -> {
            client.socket = socket;
            return client;
        });
    }

    /** The HTTP status of a refused upgrade, or fails when the upgrade succeeds. */
    public static int refusedUpgradeStatus(URI uri, Map<String, String> headers) {
        try {
            start(HTTP, uri, headers, OFFERED, new CableClient().listener()).join().abort();
        } catch (CompletionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException refused) {
                return refused.getResponse().statusCode();
            }
            throw e;
        }
        return fail("the upgrade was accepted");
    }

    private static CompletableFuture<WebSocket> start(HttpClient http, URI uri, Map<String, String> headers,
                                                      List<String> subprotocols, WebSocket.Listener listener) {
        WebSocket.Builder builder = http.newWebSocketBuilder().connectTimeout(WAIT);
        headers.forEach(builder::header);
        if (!subprotocols.isEmpty()) {
            builder.subprotocols(subprotocols.get(0), subprotocols.subList(1, subprotocols.size()).toArray(String[]::new));
        }
        return builder.buildAsync(uri, listener);
    }

    private WebSocket.Listener listener() {
        return new WebSocket.Listener() {
            private final StringBuilder partial = new StringBuilder();

            @Override
            public void onOpen(WebSocket webSocket) {
                webSocket.request(1);
            }

            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                partial.append(data);
                if (last) {
                    frames.add(partial.toString());
                    partial.setLength(0);
                }
                webSocket.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                closed.complete(new Close(statusCode, reason));
                return null;
            }

            @Override
            public void onError(WebSocket webSocket, Throwable error) {
                closed.complete(new Close(-1, String.valueOf(error)));
            }
        };
    }

    public String subprotocol() {
        return socket.getSubprotocol();
    }

    public void send(String text) {
        socket.sendText(text, true).join();
    }

    public void sendBinary(byte[] bytes) {
        socket.sendBinary(ByteBuffer.wrap(bytes), true).join();
    }

    public void subscribe(String identifier) {
        send(subscribeCommand(identifier));
    }

    public void unsubscribe(String identifier) {
        send("{\"command\":\"unsubscribe\",\"identifier\":" + JsonText.quote(identifier) + "}");
    }

    /** Sends a {@code message} command whose data is {@code dataJson}. */
    public void sendMessage(String identifier, String dataJson) {
        send("{\"command\":\"message\",\"identifier\":" + JsonText.quote(identifier) + ",\"data\":"
                + JsonText.quote(dataJson) + "}");
    }

    /** Subscribes and checks the confirmation (what the channel transmits first is skipped). */
    public void subscribeConfirmed(String identifier) {
        subscribe(identifier);
        String expected = confirmation(identifier);
        for (String frame = next(); !frame.equals(expected); frame = next()) {
            if (frame.contains("reject_subscription")) {
                fail("rejected: " + frame);
            }
        }
    }

    /**
     * The next frame that is not a ping, waiting up to {@link #WAIT} in all: the pings every 3 s do
     * not extend the wait.
     */
    public String next() {
        return next(WAIT);
    }

    /** The next frame that is not a ping, waiting up to {@code wait} in all. */
    public String next(Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            String frame = poll(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
            if (!frame.startsWith("{\"type\":\"ping\"")) {
                return frame;
            }
        }
    }

    public JsonObject nextJson() {
        return Json.createReader(new StringReader(next())).readObject();
    }

    /** The next frame, pings included. */
    public String nextFrame() {
        return poll(WAIT);
    }

    /** Fails when any frame but a ping arrives within {@code quiet}. */
    public void expectNothing(Duration quiet) {
        long deadline = System.nanoTime() + quiet.toNanos();
        long left;
        while ((left = deadline - System.nanoTime()) > 0) {
            String frame = pollOrNull(Duration.ofNanos(left));
            if (frame != null && !frame.startsWith("{\"type\":\"ping\"")) {
                fail("expected nothing, got " + frame);
            }
        }
    }

    /** Every frame received so far and not yet taken. */
    public List<String> drain() {
        List<String> all = new ArrayList<>();
        frames.drainTo(all);
        return all;
    }

    public Close awaitClose() {
        return closed.orTimeout(WAIT.toMillis(), TimeUnit.MILLISECONDS).join();
    }

    public boolean isClosed() {
        return closed.isDone();
    }

    private String poll(Duration wait) {
        String frame = pollOrNull(wait);
        if (frame == null) {
            fail("no frame within " + wait + (closed.isDone() ? "; closed: " + closed.join() : ""));
        }
        return frame;
    }

    private String pollOrNull(Duration wait) {
        try {
            return frames.poll(wait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public void expectClosedWith(int code) {
        Close close = awaitClose();
        if (close.code() != code) {
            fail("expected a close with " + code + ", got " + close);
        }
    }

    public void assertOpen() {
        Close close = closed.getNow(null);
        if (close != null) {
            fail("closed: " + close);
        }
    }

    private static <T> T fail(String message) {
        throw new AssertionError(message);
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "").exceptionally(e -> null);
        }
        socket.abort();
    }

    // Frames the server sends, written out here so that the tests check the wire, not our encoder.

    public static String subscribeCommand(String identifier) {
        return "{\"command\":\"subscribe\",\"identifier\":" + JsonText.quote(identifier) + "}";
    }

    public static String confirmation(String identifier) {
        return "{\"identifier\":" + JsonText.quote(identifier) + ",\"type\":\"confirm_subscription\"}";
    }

    public static String rejection(String identifier) {
        return "{\"identifier\":" + JsonText.quote(identifier) + ",\"type\":\"reject_subscription\"}";
    }

    public static String message(String identifier, String payloadJson) {
        return "{\"identifier\":" + JsonText.quote(identifier) + ",\"message\":" + payloadJson + "}";
    }

    /** {@code {"channel":"ChatChannel","room":"<room>"}} as the official client writes it. */
    public static String chat(String room) {
        return "{\"channel\":\"ChatChannel\",\"room\":" + JsonText.quote(room) + "}";
    }

    public static Map<String, String> headers(String... nameValues) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            headers.put(nameValues[i], nameValues[i + 1]);
        }
        return headers;
    }
}
