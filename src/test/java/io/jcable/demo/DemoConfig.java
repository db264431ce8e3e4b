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
 * {@code jcable.allowed-origins}. The standalone runtime's own options (priority 1000) come first;
 * in a WAR this is what configures JCable.
 */
@Dependent
@Alternative
@Priority(900) // on the class: the application servers ignore @Priority on a producer method
public class DemoConfig {

    /** The contract's variables as JCable options. */
    static Map<String, String> options(Map<String, String> env) {
        DemoSettings settings = DemoSettings.from(env);
        Map<String, String> options = new HashMap<>();
        options.put("jcable.broadcast-key", settings.broadcastKey());
        settings.allowedOrigins().ifPresent(origins -> options.put("jcable.allowed-origins", origins));
        return options;
    }

    @Produces
    @Singleton
    CableConfig config() {
        return CableConfig.from(options(System.getenv()));
    }
}
