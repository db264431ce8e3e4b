package io.jcable.demo;

import java.util.Map;
import java.util.Optional;

/**
 * The demo's environment (docs/DEMO.md), with the reference server's defaults.
 *
 * @param turboKey       {@code CABLE_TURBO_KEY}: the key of Turbo's signed stream names
 * @param sessionTtl     {@code CABLE_SESSION_TTL}: seconds an extended-protocol session may be restored (JCable's 300 when unset)
 * @param presenceTtl    {@code CABLE_PRESENCE_TTL}: seconds a closed connection stays present (JCable's 15 when unset)
 * @param allowedOrigins {@code CABLE_ALLOWED_ORIGINS} as given; empty when unset (then any origin: the demo passes {@code *})
 */
public record DemoSettings(int port, String secret, String broadcastKey, Optional<String> allowedOrigins, String turboKey,
                           Optional<String> sessionTtl, Optional<String> presenceTtl) {

    public static final String DEFAULT_SECRET = "demo-secret";
    public static final String DEFAULT_BROADCAST_KEY = "demo-key";
    public static final String DEFAULT_TURBO_KEY = "demo-turbo-key";

    public static DemoSettings from(Map<String, String> env) {
        return new DemoSettings(
                Integer.parseInt(env.getOrDefault("CABLE_PORT", "8080").trim()),
                env.getOrDefault("CABLE_DEMO_SECRET", DEFAULT_SECRET),
                env.getOrDefault("CABLE_BROADCAST_KEY", DEFAULT_BROADCAST_KEY),
                Optional.ofNullable(env.get("CABLE_ALLOWED_ORIGINS")),
                env.getOrDefault("CABLE_TURBO_KEY", DEFAULT_TURBO_KEY),
                Optional.ofNullable(env.get("CABLE_SESSION_TTL")),
                Optional.ofNullable(env.get("CABLE_PRESENCE_TTL")));
    }

    /** The secret the running JVM was started with: the connection bean reads it here. */
    static String currentSecret() {
        return System.getenv().getOrDefault("CABLE_DEMO_SECRET", DEFAULT_SECRET);
    }
}
