package io.jcable.internal.session;

import java.util.Optional;

/**
 * Where sessions are kept besides this node, so that a client comes back on any node: the cluster's
 * broker. Sessions travel as {@link SessionCodec} text.
 */
public interface SharedSessions {

    /** Keeps {@code json} under {@code sid} for {@code ttlMillis}, in place of what was kept under it. */
    void keep(String sid, String json, long ttlMillis);

    /** Takes the session of {@code sid} back, once; empty when none is kept, it was spent, or it cannot be reached. */
    Optional<String> take(String sid);

    /** Spends {@code sid}: this node restored it from its own copy. */
    default void spend(String sid) {
        keep(sid, null, 60_000);
    }
}
