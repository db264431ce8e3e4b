package io.jcable.internal.server;

import io.jcable.channel.Identity;
import io.jcable.channel.StreamOption;
import io.jcable.channel.Subscription;
import io.jcable.internal.binding.ApplicationBeans;
import io.jcable.internal.binding.ChannelDefinition;
import io.jcable.internal.binding.PayloadCodec;
import io.jcable.internal.broadcast.StreamNames;
import io.jcable.internal.broadcast.StreamRegistry;
import io.jcable.internal.broadcast.StreamSubscriber;
import io.jcable.internal.protocol.DisconnectReason;
import io.jcable.internal.protocol.Frames;
import io.jcable.internal.protocol.Identifier;
import io.jcable.internal.protocol.WireFrame;
import io.jcable.internal.session.SessionStore;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.websocket.CloseReason;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * One subscription: the {@link Subscription} a channel acts on, and the {@link StreamSubscriber}
 * its streams deliver to. Holds the channel bean made for it, destroyed when it ends.
 */
final class SubscriptionHandle implements Subscription, StreamSubscriber {

    private final CableConnection connection;
    private final Identifier identifier;
    private final ChannelDefinition channel;
    private final StreamRegistry streams;
    private final PayloadCodec codec;
    private final Set<String> streamNames = new LinkedHashSet<>();
    /** The streams that deliver through a channel's callback, by name. */
    private final Map<String, CallbackStream> callbackStreams = new LinkedHashMap<>();
    private final StreamCallbacks callbacks;
    /** For the extended protocol: what each stream has sent, and the frames held while a history is pending. */
    private final PositionedDelivery positions;
    private ApplicationBeans.ChannelInstance bean;
    /** Where its whispers go and where its presence is kept ({@link StreamOption}); null until a channel says. */
    private volatile String whisperStream;
    private volatile String presenceStream;
    /** The presence it joined with, if it did. */
    private volatile SessionStore.Presence presence;
    private volatile boolean rejected;
    /** Its running {@code @Periodically} timers, each with what to do once it is cancelled. */
    private final List<Runnable> timers = new ArrayList<>();

    SubscriptionHandle(CableConnection connection, Identifier identifier, ChannelDefinition channel,
                       StreamRegistry streams, PayloadCodec codec, StreamCallbacks callbacks) {
        this.connection = connection;
        this.identifier = identifier;
        this.channel = channel;
        this.streams = streams;
        this.codec = codec;
        this.callbacks = callbacks;
        this.positions = connection.extended() ? new PositionedDelivery(connection.outboundQueueSize()) : null;
    }

    void attach(ApplicationBeans.ChannelInstance bean) {
        this.bean = bean;
    }

    Object bean() {
        return bean.get();
    }

    ChannelDefinition definition() {
        return channel;
    }

    /** A timer of its own: {@code cancelled} runs once it is stopped with the subscription. */
    synchronized void timer(Future<?> timer, Runnable cancelled) {
        timers.add(() -> {
            timer.cancel(false);
            cancelled.run();
        });
    }

    /** Stops the timers and streams and destroys the channel bean (its {@code @PreDestroy} runs). */
    void release() {
        List<Runnable> stopping;
        synchronized (this) {
            stopping = List.copyOf(timers);
            timers.clear();
        }
        stopping.forEach(Runnable::run);
        stopAllStreams();
        if (bean != null) {
            bean.destroy();
            bean = null;
        }
    }

    @Override
    public String identifier() {
        return identifier.raw();
    }

    @Override
    public String socketId() {
        return connection.knownSocketId();
    }

    @Override
    public String channel() {
        return channel.name();
    }

    @Override
    public JsonObject params() {
        return identifier.params();
    }

    @Override
    public String param(String name) {
        JsonValue value = identifier.params().get(name);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        return value instanceof JsonString text ? text.getString() : value.toString();
    }

    @Override
    public Identity identity() {
        return connection.identity();
    }

    @Override
    public synchronized void streamFrom(String stream) {
        if (streamNames.add(stream)) {
            streams.subscribe(stream, this);
        }
    }

    @Override
    public void streamFrom(String stream, StreamOption... options) {
        streamFrom(stream);
        for (StreamOption option : options) {
            if (option == StreamOption.WHISPER) {
                whisperStream = stream;
            } else if (option == StreamOption.PRESENCE) {
                presenceStream = stream;
            }
        }
    }

    String whisperStream() {
        return whisperStream;
    }

    String presenceStream() {
        return presenceStream;
    }

    String presenceId() {
        SessionStore.Presence joined = presence;
        return joined == null ? null : joined.id();
    }

    /** The presence it joined with, or null. */
    SessionStore.Presence presence() {
        return presence;
    }

    void presence(SessionStore.Presence joined) {
        presence = joined;
    }

    /** What a restored session needs to subscribe it again as it was. */
    synchronized SessionStore.SavedSubscription saved() {
        return new SessionStore.SavedSubscription(identifier(), List.copyOf(streamNames), whisperStream, presenceStream, presence);
    }

    /** Subscribes it again to what it had, as {@code saved} says (a restored session). */
    void restore(SessionStore.SavedSubscription saved) {
        saved.streams().forEach(this::streamFrom);
        whisperStream = saved.whisperStream();
        presenceStream = saved.presenceStream();
    }

    @Override
    public synchronized void streamFrom(String stream, Consumer<JsonValue> callback) {
        Objects.requireNonNull(callback, "callback");
        if (!streamNames.contains(stream) && !callbackStreams.containsKey(stream)) {
            CallbackStream subscriber = new CallbackStream(connection, this, callback, callbacks);
            callbackStreams.put(stream, subscriber);
            streams.subscribe(stream, subscriber);
        }
    }

    /** Every stream it listens to, with or without a callback. */
    synchronized List<String> allStreamNames() {
        List<String> all = new ArrayList<>(streamNames);
        all.addAll(callbackStreams.keySet());
        return all;
    }

    /** Whether a restored session may take it back: not with a callback, which only its channel can set up. */
    synchronized boolean restorable() {
        return callbackStreams.isEmpty();
    }

    @Override
    public void streamFor(Object model) {
        streamFrom(StreamNames.forModel(channel.beanClass(), model));
    }

    @Override
    public synchronized void stopStream(String stream) {
        if (streamNames.remove(stream)) {
            streams.unsubscribe(stream, this);
        }
        CallbackStream callback = callbackStreams.remove(stream);
        if (callback != null) {
            streams.unsubscribe(stream, callback);
        }
    }

    @Override
    public void stopStreamFor(Object model) {
        stopStream(StreamNames.forModel(channel.beanClass(), model));
    }

    @Override
    public synchronized void stopAllStreams() {
        allStreamNames().forEach(this::stopStream);
    }

    @Override
    public void transmit(Object payload) {
        connection.send(Frames.message(identifier.raw(), codec.encode(payload)));
    }

    @Override
    public void reject() {
        rejected = true;
    }

    @Override
    public boolean isRejected() {
        return rejected;
    }

    @Override
    public void disconnect(boolean reconnect) {
        connection.disconnect(DisconnectReason.INVALID_REQUEST, reconnect, CloseReason.CloseCodes.NORMAL_CLOSURE);
    }

    @Override
    public boolean positioned() {
        return connection.extended();
    }

    /** The streams it is subscribed to now without a callback: those a history replays. */
    synchronized List<String> streamNames() {
        return List.copyOf(streamNames);
    }

    @Override
    public void deliver(List<WireFrame> frames, String stream, String[] epochs, long[] offsets) {
        if (!positions.live(frames, stream, epochs, offsets, connection::send)) {
            connection.tooSlow("more frames wait for a history than jcable.outbound-queue");
        }
    }

    /** Live frames wait until the history the client asks for has been replayed; returns the hold's mark. */
    long holdForHistory() {
        return positions.hold();
    }

    /** Ends that hold if no history came to end it: for a restored client that asks for none. */
    void endHold(long mark) {
        positions.releaseHold(mark, connection::send);
    }

    /** The client's own position on a stream, from its history request. */
    void seen(PositionedDelivery.Position position) {
        positions.seen(position);
    }

    /** A frame of the replayed history. */
    void replayed(PositionedDelivery.Position position, String frame) {
        positions.replayed(position, WireFrame.of(frame), connection::send);
    }

    /** The history has been answered: the live frames that waited go out. */
    void historyDone() {
        positions.release(connection::send);
    }

    @Override
    public void deliver(List<WireFrame> frames) {
        connection.send(frames);
    }

    @Override
    public String toString() {
        return channel.name() + " " + identifier.raw();
    }
}
