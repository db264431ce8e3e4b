package io.jcable.internal.standalone;

import io.jcable.config.CableConfig;
import jakarta.enterprise.inject.se.SeContainer;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.weld.environment.se.Weld;

/**
 * The standalone runtime's CDI container (Weld SE): the bean archives on the class path, the given
 * classes besides them, and the options given in code ahead of any other. The server and the test
 * kit start it the same way, so that a channel sees the same beans in both.
 */
public final class EmbeddedBeans {

    private static final AtomicInteger CONTAINERS = new AtomicInteger();

    private EmbeddedBeans() {
    }

    /** Starts a container; its {@code close()} stops it. */
    public static SeContainer start(CableConfig config, List<Class<?>> beanClasses) {
        return new Weld("jcable-" + CONTAINERS.incrementAndGet())
                // Weld's own hook would stop CDI before the clients hear server_restart.
                .property(Weld.SHUTDOWN_HOOK_SYSTEM_PROPERTY, false)
                .addExtension(new ExplicitConfig(config))
                .addBeanClasses(beanClasses.toArray(Class<?>[]::new))
                .initialize();
    }
}
