package io.jcable.broadcast;

import io.jcable.binding.PayloadCodec;
import io.jcable.channel.RawJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

/**
 * Sends a payload to every subscriber of a stream, from any bean: an EJB, a JAX-RS resource, a
 * channel. Never blocks on sockets. Within a JTA transaction, delivery waits for the commit (and a
 * rollback delivers nothing); otherwise it starts at once.
 *
 * <pre>{@code
 * @Inject Broadcaster cable;
 * cable.broadcast("chat_lobby", new Said("hello", "alice"));
 * cable.broadcastTo(CommentsChannel.class, post, comment);   // stream_for
 * }</pre>
 */
@ApplicationScoped
public class Broadcaster {

    @Inject
    Event<Broadcast> events;

    @Inject
    PayloadCodec codec;

    /**
     * Broadcasts {@code payload} to {@code stream}. The payload is encoded here, once: JSON-B for
     * objects and records, a {@code JsonValue} or {@code RawJson} as is, a {@code String} as a JSON
     * string (as Rails does).
     *
     * @throws jakarta.json.bind.JsonbException when JSON-B cannot encode the payload
     * @throws IllegalStateException            when the delivery backlog is full (nothing was accepted)
     */
    public void broadcast(String stream, Object payload) {
        events.fire(new Broadcast(stream, new RawJson(codec.encode(payload))));
    }

    /**
     * Broadcasts to the stream that {@code Subscription.streamFor(model)} subscribes to in
     * {@code channel} (ActionCable's {@code broadcast_to}).
     */
    public void broadcastTo(Class<?> channel, Object model, Object payload) {
        broadcast(StreamNames.forModel(channel, model), payload);
    }
}
