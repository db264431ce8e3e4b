package io.jcable.channel;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.function.Consumer;

/**
 * One client's subscription to a channel: what a channel's callbacks and actions act on. Not
 * thread-safe beyond what the server does for it: call it from the channel's own methods.
 */
public interface Subscription {

    /** The identifier exactly as the client sent it. */
    String identifier();

    /** The channel's name. */
    String channel();

    /** The identifier's members, {@code channel} included. */
    JsonObject params();

    /** A member of the identifier as text (a string's value, any other value's literal), or null. */
    String param(String name);

    /** Who is connected: what the {@link ConnectionHandler} returned. */
    Identity identity();

    /** Delivers every broadcast on {@code stream} to this subscription (once, however often called). */
    void streamFrom(String stream);

    /**
     * The same, with what else the stream does for this subscription: {@code streamFrom("chat_" + room,
     * StreamOption.WHISPER, StreamOption.PRESENCE)} lets its clients whisper to the room and keep
     * their presence there.
     */
    void streamFrom(String stream, StreamOption... options);

    /**
     * Streams from {@code stream} through {@code callback} rather than straight to the client, as
     * Rails' {@code stream_from "x" do |message| ... end}: it gets each broadcast's payload, in order,
     * and transmits what it wants, or nothing. It runs like an action: one at a time per connection,
     * in the request context, an exception handled as an action's; off the delivery threads, on the
     * executor of {@code @Periodically} methods. Its cost: each payload is decoded for this
     * subscription, and what it transmits is encoded for it alone, where a plain stream's frame is
     * encoded once for every subscriber. More than {@code jcable.outbound-queue} payloads waiting for
     * the callback drop the client as too slow. A session restored by AnyCable's extended protocol
     * does not keep a subscription with a callback: its client subscribes again, and
     * {@code @Subscribed} sets the callback up again.
     */
    void streamFrom(String stream, Consumer<JsonValue> callback);

    /**
     * Streams the broadcasts for a model, as ActionCable's {@code stream_for}: the stream is named
     * after this channel and the model (see {@code Broadcaster.broadcastTo}).
     */
    void streamFor(Object model);

    /** Stops streaming from one stream, as ActionCable's {@code stop_stream_from}. */
    void stopStream(String stream);

    /** Stops streaming the broadcasts for a model, as ActionCable's {@code stop_stream_for}. */
    void stopStreamFor(Object model);

    /** Stops every stream of this subscription, as ActionCable's {@code stop_all_streams}. */
    void stopAllStreams();

    /** Sends a payload to this subscriber only. JSON-B encodes it; a {@code String} arrives as a JSON string. */
    void transmit(Object payload);

    /**
     * Refuses the subscription: the client gets {@code reject_subscription}. Effective only in the
     * {@link Subscribed} callback.
     */
    void reject();

    /** Whether {@link #reject()} was called. */
    boolean isRejected();

    /**
     * Disconnects the client: it gets {@code {"type":"disconnect","reason":"invalid_request","reconnect":...}}
     * and its socket closes (Rails' {@code connection.close}); for an error handler ({@link Rescue})
     * that finds the connection unusable.
     *
     * @param reconnect whether the client may connect again (the official client then does)
     */
    void disconnect(boolean reconnect);
}
