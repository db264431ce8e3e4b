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
 * @param stream  the stream's name
 * @param payload what subscribers receive as {@code message}: encoded as by {@code Subscription.transmit}
 */
public record Broadcast(String stream, Object payload) {

    /** Refuses a {@code null} stream. */
    public Broadcast {
        Objects.requireNonNull(stream, "stream");
    }
}
