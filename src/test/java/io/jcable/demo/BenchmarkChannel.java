package io.jcable.demo;

import io.jcable.broadcast.Broadcaster;
import io.jcable.channel.Action;
import io.jcable.channel.Channel;
import io.jcable.channel.Subscribed;
import io.jcable.channel.Subscription;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;

/** Identifier {@code {"channel":"BenchmarkChannel"}}; stream {@code all} (AnyCable's benchmark channel). */
@Channel("BenchmarkChannel")
public class BenchmarkChannel {

    @Inject
    Broadcaster cable;

    @Subscribed
    void subscribed(Subscription subscription) {
        subscription.streamFrom("all");
    }

    /** Sends the data back as is, {@code "action":"echo"} included. */
    @Action
    void echo(Subscription subscription, JsonObject data) {
        subscription.transmit(data);
    }

    /** Broadcasts the data to {@code all}, then tells the sender with {@code "action":"broadcastResult"}. */
    @Action
    void broadcast(Subscription subscription, JsonObject data) {
        cable.broadcast("all", data);
        subscription.transmit(Json.createObjectBuilder(data).add("action", "broadcastResult").build());
    }
}
