package io.jcable.testing;

import io.jcable.internal.protocol.JsonText;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One subscription of a {@link TestConnection}: its answer, its streams, what it received; its actions. */
public final class TestSubscription {

    private static final Duration WAIT = Duration.ofSeconds(5);

    private final TestConnection connection;
    private final String identifier;

    TestSubscription(TestConnection connection, String identifier) {
        this.connection = connection;
        this.identifier = identifier;
    }

    /** The identifier, as sent. */
    public String identifier() {
        return identifier;
    }

    /** Whether the channel confirmed the subscription. */
    public boolean confirmed() {
        return answered("confirm_subscription");
    }

    /** Whether the channel rejected the subscription. */
    public boolean rejected() {
        return answered("reject_subscription");
    }

    /** Fails unless confirmed. */
    public TestSubscription assertConfirmed() {
        if (!confirmed()) {
            throw new AssertionError(identifier + " was not confirmed" + (rejected() ? ": rejected" : ""));
        }
        return this;
    }

    /** Fails unless rejected. */
    public TestSubscription assertRejected() {
        if (!rejected()) {
            throw new AssertionError(identifier + " was not rejected" + (confirmed() ? ": confirmed" : ""));
        }
        return this;
    }

    /** The streams it listens to now, in the order it started them. */
    public List<String> streams() {
        return connection.streams(identifier);
    }

    /** Fails unless it listens to {@code stream} (Rails' {@code assert_has_stream}). */
    public TestSubscription assertStreamsFrom(String stream) {
        if (!streams().contains(stream)) {
            throw new AssertionError(identifier + " does not stream from " + stream + "; it streams from " + streams());
        }
        return this;
    }

    /** Fails when it listens to any stream (Rails' {@code assert_no_streams}). */
    public TestSubscription assertNoStreams() {
        if (!streams().isEmpty()) {
            throw new AssertionError(identifier + " streams from " + streams());
        }
        return this;
    }

    /** Runs {@code action} with no data but its name (Rails' {@code perform :away}). */
    public void perform(String action) {
        perform(action, Map.of());
    }

    /** Runs {@code action} with {@code data} (encoded by JSON-B) and {@code "action"} added, as the official client sends it. */
    public void perform(String action, Map<String, ?> data) {
        Map<String, Object> withAction = new LinkedHashMap<>(data);
        withAction.put("action", action);
        send(withAction);
    }

    /** Sends {@code data} as is: without an {@code action} member it reaches the channel's {@code receive}. */
    public void send(Object data) {
        connection.send("{\"command\":\"message\",\"identifier\":" + JsonText.quote(identifier) + ",\"data\":"
                + JsonText.quote(connection.json(data)) + "}");
    }

    /** Unsubscribes, as the client does: {@code @Unsubscribed} runs. */
    public void unsubscribe() {
        connection.send("{\"command\":\"unsubscribe\",\"identifier\":" + JsonText.quote(identifier) + "}");
    }

    /**
     * Every message it received so far, in order: what the channel transmitted to it and what its
     * streams delivered (a broadcast reaches it a moment after the call that made it: see
     * {@link #awaitMessages(int)}).
     */
    public List<JsonValue> messages() {
        return connection.frames().stream()
                .filter(frame -> identifier.equals(frame.getString("identifier", null)) && frame.containsKey("message")
                        && !frame.containsKey("type"))
                .map(frame -> frame.get("message")).toList();
    }

    /** The messages once there are at least {@code count}; fails after 5 s. */
    public List<JsonValue> awaitMessages(int count) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        List<JsonValue> messages = messages();
        while (messages.size() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(count + " message(s) expected on " + identifier + " within " + WAIT + ", got " + messages);
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
            messages = messages();
        }
        return messages;
    }

    /** The last message received; fails when there is none (Rails' {@code transmissions.last}). */
    public JsonValue lastMessage() {
        List<JsonValue> messages = messages();
        if (messages.isEmpty()) {
            throw new AssertionError(identifier + " received nothing");
        }
        return messages.get(messages.size() - 1);
    }

    private boolean answered(String type) {
        for (JsonObject frame : connection.frames()) {
            if (identifier.equals(frame.getString("identifier", null)) && type.equals(frame.getString("type", null))) {
                return true;
            }
        }
        return false;
    }
}
