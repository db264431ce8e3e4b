package io.jcable.broadcast;

import java.util.Map;
import java.util.Objects;

/**
 * The CDI event behind {@link Broadcaster#disconnect}: every connection whose identity has all of
 * {@code identifiers}, on every node, gets {@code {"type":"disconnect","reason":"remote","reconnect":...}}
 * and is closed (ActionCable's {@code remote_connections.where(...).disconnect}). Within a JTA
 * transaction it takes effect after the commit.
 *
 * @param identifiers identifier names and values the connections must all have (at least one)
 * @param reconnect   whether the client may connect again
 */
public record Disconnect(Map<String, String> identifiers, boolean reconnect) {

    /** Refuses an empty set of identifiers, which would disconnect everyone. */
    public Disconnect {
        identifiers = Map.copyOf(Objects.requireNonNull(identifiers, "identifiers"));
        if (identifiers.isEmpty()) {
            throw new IllegalArgumentException("a disconnect names at least one identifier: none would disconnect everyone");
        }
    }
}
