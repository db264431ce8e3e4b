package io.jcable.demo;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/** In the demo WAR: serves the chat page at the application's root (the standalone demo adds it itself). */
@WebListener
public class DemoWebListener implements ServletContextListener {

    @Override
    public void contextInitialized(ServletContextEvent event) {
        event.getServletContext().addServlet("demo-page", new DemoPageServlet()).addMapping("/");
    }
}
