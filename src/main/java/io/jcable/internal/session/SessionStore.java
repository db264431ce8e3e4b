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

    public SessionStore(long ttlMillis) {
        this.ttlMillis = ttlMillis;
    }

    /** A new session id: 128 random bits, URL-safe (it travels in a query string). */
    public String newId() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Keeps what a closed connection had, under the id its welcome gave it. */
    public void save(String sid, Identity identity, List<SavedSubscription> subscriptions, long nowMillis) {
        sessions.put(sid, new Saved(identity, subscriptions, nowMillis + ttlMillis));
        if (++savesSinceSweep >= SWEEP_EVERY) {
            savesSinceSweep = 0;
            sessions.values().removeIf(saved -> saved.expiresAtMillis() <= nowMillis);
        }
    }

    /** The session of {@code sid}, once: taken out whether it has expired or not. */
    public Optional<Saved> take(String sid, long nowMillis) {
        Saved saved = sid == null ? null : sessions.remove(sid);
        return saved == null || saved.expiresAtMillis() <= nowMillis ? Optional.empty() : Optional.of(saved);
    }

    /** Sessions kept (for operators and tests). */
    public int size() {
        return sessions.size();
    }
}
