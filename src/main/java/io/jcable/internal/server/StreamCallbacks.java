package io.jcable.internal.server;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import java.util.function.Consumer;

/** Where stream callbacks run: on the executor of the channels' timers, through the dispatcher. */
@ApplicationScoped
public class StreamCallbacks {

    @Inject
    ChannelTimers timers;

    @Inject
    Dispatcher dispatcher;

    void execute(Runnable drain) {
        timers.execute(drain);
    }

    void call(CableConnection connection, SubscriptionHandle subscription, Consumer<JsonValue> callback, JsonValue message) {
        dispatcher.streamed(connection, subscription, callback, message);
    }
}
