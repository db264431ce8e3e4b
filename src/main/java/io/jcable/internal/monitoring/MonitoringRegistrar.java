package io.jcable.internal.monitoring;

import io.jcable.config.CableConfig;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/** Registers the MXBean and serves the health check when a web application starts (a WAR, or standalone). */
@WebListener
public class MonitoringRegistrar implements ServletContextListener {

    @Override
    public void contextInitialized(ServletContextEvent event) {
        register(event.getServletContext(), CDI.current());
    }

    public static void register(ServletContext context, Instance<Object> beans) {
        register(context, beans, context.getContextPath() + beans.select(CableConfig.class).get().path());
    }

    /** @param name the MBean's name: what tells this application from others in the same JVM */
    public static void register(ServletContext context, Instance<Object> beans, String name) {
        CableConfig config = beans.select(CableConfig.class).get();
        CableMonitor monitor = beans.select(CableMonitor.class).get();
        monitor.register(name);
        context.addServlet("jcable-health", new HealthServlet(monitor)).addMapping(config.healthPath());
    }
}
