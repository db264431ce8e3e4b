package io.jcable.demo;

import io.jcable.config.CableConfig;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.Map;

/**
 * JCable's options for the demo, from docs/DEMO.md's environment: {@code CABLE_BROADCAST_KEY}
 * and {@code CABLE_ALLOWED_ORIGINS} become {@code jcable.broadcast-key} and
 * {@code jcable.allowed-origins}; {@code CABLE_DEMO_SECRET} also signs AnyCable's {@code ?jid=}
 * tokens ({@code jcable.jwt.secret}); {@code CABLE_TURBO_KEY} signs Turbo's stream names ({@code jcable.turbo.key}). The contract says that any origin may connect while
 * {@code CABLE_ALLOWED_ORIGINS} is unset, and JCable refuses other sites by default, so the demo
 * then passes {@code *} itself, as a default that any other source of the option overrides. The
 * standalone runtime's own options (priority 1000) come first; in a WAR this is what configures JCable.
 */
@Dependent
@Alternative
@Priority(900) // on the class: the application servers ignore @Priority on a producer method
public class DemoConfig {

    private static final System.Logger LOG = System.getLogger(DemoConfig.class.getName());

    /** The contract's variables as JCable options. */
    static Map<String, String> options(Map<String, String> env) {
        DemoSettings settings = DemoSettings.from(env);
        Map<String, String> options = new HashMap<>();
        options.put("jcable.broadcast-key", settings.broadcastKey());
        options.put("jcable.jwt.secret", settings.secret()); // AnyCable's ?jid=, as docs/DEMO.md says
        options.put("jcable.turbo.key", settings.turboKey()); // Turbo::StreamsChannel and $pubsub
        settings.sessionTtl().ifPresent(seconds -> options.put("jcable.session-ttl", seconds));
        settings.presenceTtl().ifPresent(seconds -> options.put("jcable.presence.ttl", seconds));
        settings.allowedOrigins().ifPresent(origins -> options.put("jcable.allowed-origins", origins));
        return options;
    }

    /** The demo's own defaults: {@code *} while CABLE_ALLOWED_ORIGINS is unset. */
    static Map<String, String> defaults(Map<String, String> env) {
        return DemoSettings.from(env).allowedOrigins().isPresent() ? Map.of() : Map.of("jcable.allowed-origins", "*");
    }

    /** Says at start that any origin may connect, when the demo's own default is why. */
    static void announce(Map<String, String> env, CableConfig config) {
        if (DemoSettings.from(env).allowedOrigins().isEmpty() && config.origins().anyOrigin()) {
            LOG.log(System.Logger.Level.INFO, "CABLE_ALLOWED_ORIGINS is unset: the demo lets pages of any origin connect"
                    + " (it passes jcable.allowed-origins=*, as the demo contract says); set it to list the origins allowed");
        }
    }

    @Produces
    @Singleton
    CableConfig config() {
        CableConfig config = CableConfig.from(options(System.getenv()), defaults(System.getenv()));
        announce(System.getenv(), config);
        return config;
    }
}
