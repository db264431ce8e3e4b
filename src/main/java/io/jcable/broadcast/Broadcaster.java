package io.jcable.broadcast;

import io.jcable.channel.Identity;
import io.jcable.channel.RawJson;
import io.jcable.internal.binding.PayloadCodec;
import io.jcable.internal.broadcast.SenderSocket;
import io.jcable.internal.broadcast.StreamNames;
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
 * cable.disconnect(Identity.of("current_user", "42"), false); // remote_connections...disconnect
 * }</pre>
 */
@ApplicationScoped
public class Broadcaster {

    @Inject
    Event<Broadcast> events;

    @Inject
    Event<Disconnect> disconnects;

    @Inject
    PayloadCodec codec;

    /**
     * Broadcasts {@code payload} to {@code stream}. The payload is encoded here, once: JSON-B for
     * objects and records, a {@code JsonValue} or {@code RawJson} as is, a {@code String} as a JSON
     * string (as Rails does). Encoding happens at the call, inside a transaction too, so a payload
     * JSON-B cannot encode fails where it is broadcast.
     *
     * <p>Outside a transaction the broadcast is accepted during the call. Inside a JTA transaction
     * it is accepted after the commit, when the caller has returned: a full backlog or a stopping
     * server is then logged by the container (it cannot undo the commit) and the caller sees nothing.
     *
     * @throws jakarta.json.bind.JsonbException when JSON-B cannot encode the payload
     * @throws IllegalStateException            outside a transaction, when the delivery backlog is full or
     *                                          the server is stopping (nothing was accepted)
     */
    public void broadcast(String stream, Object payload) {
        events.fire(new Broadcast(stream, new RawJson(codec.encode(payload))));
    }

    /**
     * The same, except to the connection whose action (or {@code @Subscribed}, {@code @Unsubscribed},
     * {@code @Periodically} method) is running on this thread: "broadcast to others", Rails and
     * AnyCable's {@code to_others}. Called anywhere else it reaches every subscriber. The sender's
     * other connections (another tab) still receive it.
     */
    public void broadcastToOthers(String stream, Object payload) {
        events.fire(new Broadcast(stream, new RawJson(codec.encode(payload)), SenderSocket.current()));
    }

    /**
     * The same, except to the connection whose socket id is {@code socketId}: under AnyCable's extended
     * protocol, the {@code sid} of its {@code welcome}, which {@code @anycable/web} clients send in the
     * {@code X-Socket-ID} header of their HTTP requests. Null reaches every subscriber.
     */
    public void broadcastToOthers(String stream, Object payload, String socketId) {
        events.fire(new Broadcast(stream, new RawJson(codec.encode(payload)), socketId));
    }

    /**
     * Broadcasts to the stream that {@code Subscription.streamFor(model)} subscribes to in
     * {@code channel} (ActionCable's {@code broadcast_to}).
     */
    public void broadcastTo(Class<?> channel, Object model, Object payload) {
        broadcast(StreamNames.forModel(channel, model), payload);
    }

    /**
     * Disconnects every connection of {@code who}, on every node of the cluster: each connection
     * whose identity has all of {@code who}'s identifiers gets ActionCable's {@code disconnect} with
     * reason {@code remote} and is closed (Rails' {@code remote_connections.where(...).disconnect}).
     *
     * @param reconnect whether the client may connect again (the official client then does)
     */
    public void disconnect(Identity who, boolean reconnect) {
        disconnects.fire(new Disconnect(who.identifiers(), reconnect));
    }
}
