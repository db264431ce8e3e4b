package io.jcable.container.observer;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.util.Arrays;
import java.util.stream.Collectors;
import javax.management.ObjectName;

/**
 * {@code GET /threads?prefix=P}: the names of the live threads whose name starts with P, one a line
 * (with {@code &stacks}: with their stack traces).
 * {@code GET /loaded?class=C}: after a full GC, the lines of the JVM's class hierarchy that name
 * class C, one per class loader that still holds it ({@code jcmd VM.class_hierarchy}).
 * {@code GET /heapdump?file=F}: writes the live objects of the server's heap to file F (HPROF), for
 * the test to find what holds a class loader.
 * {@code GET /pause?ms=M}: holds a request worker for M milliseconds; enough of these at once
 * occupy every worker, so that none still has an undeployed WAR's request on its stack.
 */
@WebServlet({"/threads", "/loaded", "/heapdump", "/pause"})
public class JvmObserver extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain;charset=UTF-8");
        if (request.getServletPath().equals("/threads")) {
            String prefix = request.getParameter("prefix");
            boolean stacks = request.getParameter("stacks") != null;
            response.getWriter().write(Arrays.stream(ManagementFactory.getThreadMXBean().dumpAllThreads(false, false))
                    .filter(thread -> thread.getThreadName().startsWith(prefix))
                    .map(thread -> stacks ? stack(thread) : thread.getThreadName())
                    .collect(Collectors.joining("\n")));
            return;
        }
        if (request.getServletPath().equals("/pause")) {
            try {
                Thread.sleep(Long.parseLong(request.getParameter("ms")));
                response.getWriter().write(Thread.currentThread().getName());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return;
        }
        if (request.getServletPath().equals("/heapdump")) {
            // Through the MBean server: WildFly does not let deployments see com.sun.management's classes.
            invoke("com.sun.management:type=HotSpotDiagnostic", "dumpHeap",
                    new Object[] {request.getParameter("file"), true}, String.class.getName(), boolean.class.getName());
            response.getWriter().write(request.getParameter("file"));
            return;
        }
        String className = request.getParameter("class");
        System.gc(); // class unloading needs a full collection
        String hierarchy = (String) invoke("com.sun.management:type=DiagnosticCommand", "vmClassHierarchy",
                new Object[] {new String[] {className}}, String[].class.getName());
        response.getWriter().write(hierarchy.lines().filter(line -> line.contains(className + "/"))
                .collect(Collectors.joining("\n")));
    }

    private static String stack(ThreadInfo thread) {
        return thread.getThreadName() + " " + thread.getThreadState() + Arrays.stream(thread.getStackTrace())
                .map(frame -> "\n\tat " + frame).collect(Collectors.joining());
    }

    private static Object invoke(String mbean, String operation, Object[] arguments, String... signature) throws IOException {
        try {
            return ManagementFactory.getPlatformMBeanServer().invoke(new ObjectName(mbean), operation, arguments, signature);
        } catch (Exception e) {
            throw new IOException(e);
        }
    }
}
