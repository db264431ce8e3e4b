package io.jcable.internal.sse;

import io.jcable.config.CableConfig;
import io.jcable.internal.turbo.TurboSigner;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.annotation.WebListener;
import java.lang.System.Logger.Level;

/** Serves signed streams as Server-Sent Events at {@code jcable.turbo.events-path}, only when signing is on. */
@WebListener
public class EventsRegistrar implements ServletContextListener {

    private static final System.Logger LOG = System.getLogger(EventsRegistrar.class.getName());

    @Override
    public void contextInitialized(ServletContextEvent event) {
        register(event.getServletContext(), CDI.current());
    }

    public static void register(ServletContext context, Instance<Object> beans) {
        CableConfig config = beans.select(CableConfig.class).get();
        if (!config.turbo().enabled()) {
            return;
        }
        ServletRegistration.Dynamic servlet = context.addServlet("jcable-events",
                new EventsServlet(beans.select(TurboSigner.class).get(), beans.select(OpenEventStreams.class).get()));
        servlet.setAsyncSupported(true);
        servlet.addMapping(config.turbo().eventsPath());
        LOG.log(Level.INFO, "JCable serves signed streams as Server-Sent Events at {0}", config.turbo().eventsPath());
    }
}
