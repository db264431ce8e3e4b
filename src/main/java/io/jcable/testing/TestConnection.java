package io.jcable.testing;

import io.jcable.channel.Identity;
import io.jcable.internal.protocol.JsonText;
import io.jcable.internal.server.Loopback;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One connection of a {@link CableTestKit}: what the server told it, and the subscriptions it makes. */
public final class TestConnection {

    private final Loopback.Socket socket;
    private final Jsonb jsonb;

    TestConnection(Loopback.Socket socket, Jsonb jsonb) {
        this.socket = socket;
        this.jsonb = jsonb;
    }

    /** Who the connection handler said the client is; fails when the connection was refused. */
    public Identity identity() {
        Identity identity = socket.identity();
        if (identity == null) {
            throw new AssertionError("the connection was not identified: " + disconnectReason().orElse("no answer"));
        }
        return identity;
    }

    /**
     * Fails unless the server refused the connection (Rails' {@code assert_reject_connection}).
     *
     * @return the disconnect reason it sent: {@code unauthorized}, {@code token_expired}...
     */
    public String assertRejected() {
        if (socket.identity() != null) {
            throw new AssertionError("the connection was accepted as " + socket.identity());
        }
        return disconnectReason().orElseThrow(() -> new AssertionError("the connection was neither accepted nor refused"));
    }

    /** The reason of the {@code disconnect} frame the server sent, if it sent one. */
    public Optional<String> disconnectReason() {
        return frames().stream().filter(frame -> "disconnect".equals(frame.getString("type", null)))
                .map(frame -> frame.getString("reason", "")).findFirst();
    }

    /** Every frame the server sent it, pings included, in order. */
    public List<JsonObject> frames() {
        List<JsonObject> frames = new ArrayList<>();
        socket.frames().forEach(frame -> frames.add(CableTestKit.parse(frame).asJsonObject()));
        return frames;
    }

    /**
     * Subscribes to {@code channel} with {@code params} (the identifier is
     * {@code {"channel":<channel>, ...params}}, in that order); see {@link TestSubscription#assertConfirmed()}.
     */
    public TestSubscription subscribe(String channel, Map<String, ?> params) {
        JsonObjectBuilder identifier = Json.createObjectBuilder().add("channel", channel);
        params.forEach((name, value) -> identifier.add(name, value instanceof JsonValue json ? json
                : CableTestKit.parse(jsonb.toJson(value))));
        return subscribe(identifier.build().toString());
    }

    /** Subscribes with an identifier written out, e.g. {@code {"channel":"ChatChannel","room":"lobby"}}. */
    public TestSubscription subscribe(String identifier) {
        socket.send("{\"command\":\"subscribe\",\"identifier\":" + JsonText.quote(identifier) + "}");
        return new TestSubscription(this, identifier);
    }

    /** Sends a text frame as the client would, e.g. a command of AnyCable's extended protocol. */
    public void send(String frame) {
        socket.send(frame);
    }

    /** The client goes away: every subscription ends ({@code @Unsubscribed} runs), then the handler's disconnect. */
    public void disconnect() {
        socket.close();
    }

    /** Whether the socket is closed, by the client or the server. */
    public boolean closed() {
        return socket.closedBy() != null;
    }

    List<String> streams(String identifier) {
        return socket.streams(identifier);
    }

    String json(Object value) {
        return value instanceof JsonValue json ? json.toString() : jsonb.toJson(value);
    }
}
