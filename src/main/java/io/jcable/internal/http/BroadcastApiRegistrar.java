package io.jcable.internal.http;

import io.jcable.broadcast.Broadcaster;
import io.jcable.config.CableConfig;
import io.jcable.internal.presence.PresenceRegistry;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.annotation.WebListener;
import java.lang.System.Logger.Level;

/**
 * Serves the HTTP broadcast API at {@code jcable.broadcast-path} and the presence API at
 * {@code jcable.presence-path}, only when {@code jcable.broadcast-key} is set (the key of both).
 */
@WebListener
public class BroadcastApiRegistrar implements ServletContextListener {

    private static final System.Logger LOG = System.getLogger(BroadcastApiRegistrar.class.getName());

    @Override
    public void contextInitialized(ServletContextEvent event) {
        register(event.getServletContext(), CDI.current());
    }

    public static void register(ServletContext context, Instance<Object> beans) {
        CableConfig config = beans.select(CableConfig.class).get();
        if (config.broadcastKey().isEmpty()) {
            return;
        }
        Broadcaster broadcaster = beans.select(Broadcaster.class).get();
        ServletRegistration.Dynamic servlet = context.addServlet("jcable-broadcast",
                new BroadcastServlet(broadcaster, config.broadcastKey().get()));
        servlet.addMapping(config.broadcastPath());
        context.addServlet("jcable-presence", new PresenceServlet(beans.select(PresenceRegistry.class).get(), config.broadcastKey().get()))
                .addMapping(config.presencePath() + "/*");
        LOG.log(Level.INFO, "JCable serves the HTTP broadcast API at {0} and the presence API at {1}/<stream>",
                config.broadcastPath(), config.presencePath());
    }
}
