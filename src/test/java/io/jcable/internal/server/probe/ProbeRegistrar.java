package io.jcable.internal.server.probe;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/** In a test WAR: serves the probe at /_probe/*. */
@WebListener
public class ProbeRegistrar implements ServletContextListener {

    @Override
    public void contextInitialized(ServletContextEvent event) {
        CDI<Object> cdi = CDI.current();
        var probe = event.getServletContext().addServlet("jcable-probe", new ProbeServlet(type -> cdi.select(type).get()));
        probe.addMapping("/_probe/*");
        probe.setLoadOnStartup(1); // so that it records the log from the start
    }
}
