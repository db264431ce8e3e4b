package io.jcable.internal.monitoring;

import io.jcable.internal.cluster.ClusterStatus;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code GET jcable.health-path}: 200 while the server serves, 503 while it shuts down or either
 * direction of its cluster link is down; the body says which, with the main gauges, for a load
 * balancer or a person.
 */
class HealthServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    private final CableMonitor monitor;

    HealthServlet(CableMonitor monitor) {
        this.monitor = monitor;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        boolean healthy = monitor.isHealthy();
        response.setStatus(healthy ? HttpServletResponse.SC_OK : HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setContentType("application/json");
        response.setHeader("Cache-Control", "no-store");
        ClusterStatus cluster = monitor.clusterStatus();
        response.getWriter().write("{\"status\":\"" + (healthy ? "up" : "down") + "\",\"connections\":"
                + monitor.getConnections() + ",\"streams\":" + monitor.getStreams() + ",\"cluster\":\""
                + cluster.name() + "\"" + (cluster.on() ? ",\"publishing\":\"" + upOrDown(cluster.publishing())
                + "\",\"listening\":\"" + upOrDown(cluster.listening())
                + "\",\"sequencing\":\"" + upOrDown(cluster.sequencing())
                + "\",\"hearing\":\"" + (cluster.hearing() ? "yes" : "no") + "\"" : "") + "}");
    }

    private static String upOrDown(boolean up) {
        return up ? "up" : "down";
    }
}
