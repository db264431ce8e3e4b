package io.jcable.config;

import java.util.Optional;

/**
 * Turbo Streams' signed stream names: off unless a key is set. With it, the built-in
 * {@code Turbo::StreamsChannel} and {@code $pubsub} channels confirm a subscription whose
 * {@code signed_stream_name} holds, and {@code TurboStreams} signs names for pages.
 *
 * <table>
 * <caption>Turbo options</caption>
 * <tr><th>option</th><th>default</th><th>meaning</th></tr>
 * <tr><td>{@code jcable.turbo.key}</td><td>unset</td><td>the key that signs stream names (its UTF-8 bytes); never logged</td></tr>
 * <tr><td>{@code jcable.turbo.secret-key-base}</td><td>unset</td><td>instead of a key, a Rails application's
 *     {@code secret_key_base}: the key is then derived from it as turbo-rails does, so that JCable and the
 *     Rails application accept each other's signed names; never logged</td></tr>
 * <tr><td>{@code jcable.public-streams}</td><td>{@code false}</td><td>{@code true}: {@code $pubsub} also
 *     streams from a plain {@code stream_name}, which any client may then read</td></tr>
 * <tr><td>{@code jcable.turbo.events-path}</td><td>{@code /events}</td><td>where signed streams are served as
 *     Server-Sent Events, for {@code <turbo-stream-source>} ({@code ?turbo_signed_stream_name=} or {@code ?signed_stream=})</td></tr>
 * </table>
 *
 * @param key           the key, when given as is
 * @param secretKeyBase the Rails {@code secret_key_base} to derive the key from, when given instead
 * @param publicStreams whether {@code $pubsub} serves unsigned names
 * @param eventsPath    the path of the Server-Sent Events of signed streams
 */
public record TurboConfig(Optional<String> key, Optional<String> secretKeyBase, boolean publicStreams, String eventsPath) {

    public static final String KEY = "jcable.turbo.key";
    public static final String SECRET_KEY_BASE = "jcable.turbo.secret-key-base";
    public static final String PUBLIC_STREAMS = "jcable.public-streams";
    public static final String EVENTS_PATH = "jcable.turbo.events-path";

    static TurboConfig read(OptionReader options) {
        Optional<String> key = options.nonEmpty(KEY);
        Optional<String> base = options.nonEmpty(SECRET_KEY_BASE);
        if (key.isPresent() && base.isPresent()) {
            throw new IllegalArgumentException("set " + KEY + " or " + SECRET_KEY_BASE + ", not both");
        }
        return new TurboConfig(key, base, options.flag(PUBLIC_STREAMS, false), options.path(EVENTS_PATH, "/events"));
    }

    /** Whether signed stream names are on. */
    public boolean enabled() {
        return key.isPresent() || secretKeyBase.isPresent();
    }

    @Override
    public String toString() {
        String signing = key.isPresent() ? "key" : secretKeyBase.isPresent() ? "secret-key-base" : "off";
        return signing + (publicStreams ? ", public streams" : "") + (enabled() ? ", events at " + eventsPath : ""); // never the key
    }
}
