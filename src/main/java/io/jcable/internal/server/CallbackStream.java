package io.jcable.internal.server;

import io.jcable.internal.broadcast.StreamSubscriber;
import io.jcable.internal.protocol.JsonReading;
import io.jcable.internal.protocol.WireFrame;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A stream that delivers to a channel's callback rather than to the socket
 * ({@code Subscription.streamFrom(stream, callback)}). The delivery thread only queues the payload;
 * the callbacks run in order on the application's executor, one drain at a time, through the
 * {@link Dispatcher} like an action.
 */
final class CallbackStream implements StreamSubscriber {

    private final CableConnection connection;
    private final SubscriptionHandle subscription;
    private final Consumer<JsonValue> callback;
    private final StreamCallbacks runner;
    private final Queue<JsonValue> pending = new ConcurrentLinkedQueue<>();
    private final AtomicInteger waiting = new AtomicInteger();
    private final AtomicBoolean draining = new AtomicBoolean();

    CallbackStream(CableConnection connection, SubscriptionHandle subscription, Consumer<JsonValue> callback,
                   StreamCallbacks runner) {
        this.connection = connection;
        this.subscription = subscription;
        this.callback = callback;
        this.runner = runner;
    }

    @Override
    public String identifier() {
        return subscription.identifier();
    }

    @Override
    public String socketId() {
        return subscription.socketId();
    }

    @Override
    public void deliver(List<WireFrame> frames) {
        for (WireFrame frame : frames) {
            if (waiting.incrementAndGet() > connection.outboundQueueSize()) {
                connection.drop("more than " + connection.outboundQueueSize() + " broadcasts wait for a stream callback"
                        + " (jcable.outbound-queue)", true);
                return;
            }
            // The frame is {"identifier":...,"message":<payload>}, built by the delivery lane: its payload is what we pass on.
            pending.add(((JsonObject) JsonReading.parse(frame.text())).get("message"));
        }
        schedule();
    }

    private void schedule() {
        if (draining.compareAndSet(false, true)) {
            runner.execute(this::drain);
        }
    }

    private void drain() {
        JsonValue message;
        while ((message = pending.poll()) != null) {
            waiting.decrementAndGet();
            runner.call(connection, subscription, callback, message);
        }
        draining.set(false);
        if (!pending.isEmpty()) {
            schedule(); // queued after the last poll, before the flag was down
        }
    }
}
