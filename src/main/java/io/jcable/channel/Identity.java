package io.jcable.channel;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Who a connection belongs to: named identifiers, as ActionCable's {@code identified_by}, and
 * optionally the application's own user object, so that channels need no lookup per message.
 *
 * <pre>{@code
 * return Identity.of("current_user", user.id()).withUser(user);
 * ...
 * User user = subscription.identity().user(User.class);
 * }</pre>
 *
 * @param identifiers name to value, in the order given
 * @param user        the application's object for this connection, or null
 */
public record Identity(Map<String, String> identifiers, Object user) {

    private static final Identity ANONYMOUS = new Identity(Map.of(), null);

    /** Checks the identifiers and keeps an unmodifiable copy of them. */
    public Identity {
        identifiers = Collections.unmodifiableMap(new LinkedHashMap<>(identifiers));
        identifiers.forEach((name, value) -> {
            Objects.requireNonNull(name, "identifier name");
            Objects.requireNonNull(value, "identifier value");
        });
    }

    /** An identity with one identifier. */
    public static Identity of(String name, String value) {
        return new Identity(Map.of(name, value), null);
    }

    /** A connection that is accepted without saying who it is. */
    public static Identity anonymous() {
        return ANONYMOUS;
    }

    /** This identity with one more identifier. */
    public Identity and(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(identifiers);
        more.put(name, value);
        return new Identity(more, user);
    }

    /** This identity carrying the application's user object. */
    public Identity withUser(Object user) {
        return new Identity(identifiers, user);
    }

    /** The value of one identifier, or null. */
    public String get(String name) {
        return identifiers.get(name);
    }

    /** The application's user object, cast to its type; null when none was given. */
    public <T> T user(Class<T> type) {
        return type.cast(user);
    }

    /** All identifier values joined by ':', as ActionCable's {@code connection_identifier}. */
    public String connectionIdentifier() {
        return String.join(":", identifiers.values());
    }

    @Override
    public String toString() {
        return identifiers.isEmpty() ? "anonymous" : identifiers.toString();
    }
}
