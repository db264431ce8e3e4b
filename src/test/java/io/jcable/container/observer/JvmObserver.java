package io.jcable.container.observer;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.stream.Collectors;
import javax.management.ObjectName;

/**
 * {@code GET /threads?prefix=P}: the names of the live threads whose name starts with P, one a line.
 * {@code GET /loaded?class=C}: after a full GC, the lines of the JVM's class hierarchy that name
 * class C, one per class loader that still holds it ({@code jcmd VM.class_hierarchy}).
 */
@WebServlet({"/threads", "/loaded"})
public class JvmObserver extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain;charset=UTF-8");
        if (request.getServletPath().equals("/threads")) {
            String prefix = request.getParameter("prefix");
            response.getWriter().write(Arrays.stream(ManagementFactory.getThreadMXBean().dumpAllThreads(false, false))
                    .map(thread -> thread.getThreadName()).filter(name -> name.startsWith(prefix))
                    .collect(Collectors.joining("\n")));
            return;
        }
        String className = request.getParameter("class");
        System.gc(); // class unloading needs a full collection
        try {
            String hierarchy = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "vmClassHierarchy",
                    new Object[] {new String[] {className}}, new String[] {String[].class.getName()});
            response.getWriter().write(hierarchy.lines().filter(line -> line.contains(className + "/"))
                    .collect(Collectors.joining("\n")));
        } catch (Exception e) {
            throw new IOException(e);
        }
    }
}
