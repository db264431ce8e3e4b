package io.jcable.internal.session;

import io.jcable.channel.Identity;
import jakarta.json.JsonValue;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sessions of AnyCable's extended protocol, on this node: what a client that comes back within
 * the session's time to live gets again (its identity, its subscriptions and their streams) without
 * identifying itself or subscribing. A session is restored once; its id is then spent.
 */
public final class SessionStore {

    /**
     * A subscription as it was: its identifier, exactly as the client sent it, its streams, the
     * streams it whispered on and kept its presence on (null: none), and its presence (null: none).
     */
    public record SavedSubscription(String identifier, List<String> streams, String whisperStream, String presenceStream,
                                    Presence presence) {
        public SavedSubscription {
            streams = List.copyOf(streams);
        }
    }

    /** The presence a subscription had joined with. */
    public record Presence(String id, JsonValue info) {
    }

    /** What a restore gives back. */
    public record Saved(Identity identity, List<SavedSubscription> subscriptions, long expiresAtMillis) {
        public Saved {
            subscriptions = List.copyOf(subscriptions);
        }
    }

    private static final int SWEEP_EVERY = 1024;

    private final long ttlMillis;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Saved> sessions = new ConcurrentHashMap<>();
    private int savesSinceSweep; // racy on purpose: a lost count only moves a sweep
    private volatile SharedSessions shared;

    public SessionStore(long ttlMillis) {
        this.ttlMillis = ttlMillis;
    }

    /** A new session id: 128 random bits, URL-safe (it travels in a query string). */
    public String newId() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Keeps sessions on {@code other} too (the cluster's broker), so that a client comes back on any node; null: here only. */
    public void share(SharedSessions other) {
        shared = other;
    }

    /** Whether sessions are kept beyond this node. */
    public boolean shared() {
        return shared != null;
    }

    /**
     * Keeps what a connection that is still open has now, beyond this node only: if its node dies, the
     * client comes back on another with this. Nothing without a shared store.
     */
    public void keepLive(String sid, Identity identity, List<SavedSubscription> subscriptions) {
        SharedSessions other = shared;
        if (other != null) {
            other.keep(sid, SessionCodec.write(identity, subscriptions), ttlMillis);
        }
    }

    /** Keeps what a closed connection had, under the id its welcome gave it. */
    public void save(String sid, Identity identity, List<SavedSubscription> subscriptions, long nowMillis) {
        sessions.put(sid, new Saved(identity, subscriptions, nowMillis + ttlMillis));
        keepLive(sid, identity, subscriptions);
        if (++savesSinceSweep >= SWEEP_EVERY) {
            savesSinceSweep = 0;
            sessions.values().removeIf(saved -> saved.expiresAtMillis() <= nowMillis);
        }
    }

    /**
     * The session of {@code sid}, once: taken out whether it has expired or not. Looked for here first,
     * then in the shared store (a client whose node died or stopped); one found here is spent there too.
     */
    public Optional<Saved> take(String sid, long nowMillis) {
        if (sid == null) {
            return Optional.empty();
        }
        Saved saved = sessions.remove(sid);
        SharedSessions other = shared;
        if (saved != null) {
            if (other != null) {
                other.spend(sid);
            }
            return saved.expiresAtMillis() <= nowMillis ? Optional.empty() : Optional.of(saved);
        }
        return other == null ? Optional.empty() : other.take(sid).flatMap(SessionCodec::read)
                .map(read -> new Saved(read.identity(), read.subscriptions(), nowMillis + ttlMillis));
    }

    /** Sessions kept (for operators and tests). */
    public int size() {
        return sessions.size();
    }
}
