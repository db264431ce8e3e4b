package io.jcable.broadcast;

import java.util.Objects;

/**
 * The CDI event behind every broadcast. Any bean may fire it instead of calling the
 * {@link Broadcaster}; within a JTA transaction it is delivered after the commit, and never on
 * rollback.
 *
 * <pre>{@code
 * @Inject Event<Broadcast> broadcasts;
 * broadcasts.fire(new Broadcast("comments:post:42", comment));
 * }</pre>
 *
 * @param stream        the stream's name
 * @param payload       what subscribers receive as {@code message}: encoded as by {@code Subscription.transmit}
 * @param excludeSocket the socket id of a connection that must not receive it (AnyCable's
 *                      {@code exclude_socket}, Rails' {@code to_others}), or null: see
 *                      {@link Broadcaster#broadcastToOthers(String, Object)}
 */
public record Broadcast(String stream, Object payload, String excludeSocket) {

    /** Refuses a {@code null} stream. */
    public Broadcast {
        Objects.requireNonNull(stream, "stream");
    }

    /** A broadcast to every subscriber of {@code stream}. */
    public Broadcast(String stream, Object payload) {
        this(stream, payload, null);
    }
}
