package io.jcable.internal.server.probe;

import io.jcable.broadcast.Broadcast;
import io.jcable.broadcast.Broadcaster;
import io.jcable.channel.Identity;
import io.jcable.channel.RawJson;
import io.jcable.internal.broadcast.StreamRegistry;
import io.jcable.internal.cluster.ClusterBridge;
import io.jcable.internal.monitoring.CableMonitor;
import io.jcable.internal.protocol.JsonReading;
import io.jcable.internal.server.ChannelTimers;
import io.jcable.internal.server.ConnectionRegistry;
import io.jcable.internal.sse.OpenEventStreams;
import io.jcable.testing.CableTestKit;
import io.jcable.testing.TestSubscription;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Function;
import java.util.regex.Pattern;
import javax.management.JMException;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * The tests' window into a server, on every runtime: {@code /_probe/*}. It broadcasts through the
 * Broadcaster and through the CDI event, reports registry sizes, live channel beans and threads,
 * and hands out what JCable logged. Test deployments only; never part of the library.
 */
public class ProbeServlet extends HttpServlet {

    private final transient Function<Class<?>, Object> beans;
    // Attached to the global "io.jcable" logger in init() and detached in destroy(): a container
    // destroys only the servlets it initialised, and a handler left behind pins the WAR.
    private transient LogRecorder log;

    /** @param beans the application's beans by type (CDI.current() in a WAR, the Weld container standalone) */
    public ProbeServlet(Function<Class<?>, Object> beans) {
        this.beans = beans;
    }

    private <T> T bean(Class<T> type) {
        return type.cast(beans.apply(type));
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        switch (request.getPathInfo()) {
            case "/state" -> json(response, Json.createObjectBuilder()
                    .add("connections", bean(ConnectionRegistry.class).size())
                    .add("connectionSubscriptions", bean(ConnectionRegistry.class).subscriptionCount())
                    .add("admitted", bean(ConnectionRegistry.class).openSockets())
                    .add("addresses", bean(ConnectionRegistry.class).addresses())
                    .add("streams", bean(StreamRegistry.class).streamCount())
                    .add("streamSubscriptions", bean(StreamRegistry.class).subscriptionCount())
                    .add("liveChannelBeans", bean(ProbeLog.class).live())
                    .add("timers", bean(ChannelTimers.class).active())
                    .add("eventStreams", bean(OpenEventStreams.class).counters().open())
                    .add("jcableThreads", threads("jcable-"))
                    .add("jcableClusterThreads", threads("jcable-cluster-"))
                    .add("nonWorkerThreads", nonWorkerThreads())
                    .add("cluster", bean(ClusterBridge.class).state())
                    .add("clusterNode", bean(ClusterBridge.class).node())
                    .add("clusterNodesHeard", bean(ClusterBridge.class).nodesHeard().size())
                    .build().toString());
            case "/log" -> json(response, log.records().toString());
            case "/jmx" -> json(response, jmx(bean(CableMonitor.class).objectName()));
            case "/kit" -> json(response, kit());
            default -> response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }

    /**
     * The test kit inside this application's own container: a connection and a subscription in
     * memory, an action's broadcast recorded, a real broadcast received. What it saw, as JSON.
     */
    private static String kit() {
        try (CableTestKit kit = CableTestKit.inside(CDI.current())) {
            TestSubscription probe = kit.connectAs(Identity.of("id", "kit")).subscribe("{\"channel\":\"ProbeChannel\"}");
            kit.assertBroadcastOn("probe", Json.createObjectBuilder().add("n", "from the kit").add("action", "shout").build(),
                    () -> probe.perform("shout", java.util.Map.of("n", "from the kit")));
            kit.bean(Broadcaster.class).broadcast("probe", java.util.Map.of("n", "to the kit"));
            return Json.createObjectBuilder()
                    .add("confirmed", probe.confirmed())
                    .add("streams", Json.createArrayBuilder(probe.streams()))
                    .add("received", probe.awaitMessages(2).get(1).toString())
                    .build().toString();
        }
    }

    /** Every attribute of this application's JCable MBean, read through the platform MBean server. */
    private static String jmx(ObjectName object) throws IOException {
        try {
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            JsonObjectBuilder attributes = Json.createObjectBuilder().add("objectName", object.toString());
            for (MBeanAttributeInfo info : server.getMBeanInfo(object).getAttributes()) {
                Object value = server.getAttribute(object, info.getName());
                if (value instanceof Number number) {
                    attributes.add(info.getName(), number.longValue());
                } else if (value instanceof Boolean flag) {
                    attributes.add(info.getName(), flag);
                } else {
                    attributes.add(info.getName(), String.valueOf(value));
                }
            }
            return attributes.build().toString();
        } catch (JMException e) {
            throw new IOException("no JCable MBean named " + object, e);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String body = new String(request.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String stream = request.getParameter("stream");
        switch (request.getPathInfo()) {
            case "/broadcast" -> bean(Broadcaster.class).broadcast(stream, new RawJson(body));
            case "/broadcast-to" -> bean(Broadcaster.class).broadcastTo(ProbeChannel.class,
                    new ProbeChannel.Post(Long.parseLong(request.getParameter("post"))), new RawJson(body));
            case "/event" -> bean(BeanManager.class).getEvent().select(Broadcast.class)
                    .fire(new Broadcast(stream, payload(request.getParameter("as"), body)));
            case "/disconnect" -> bean(Broadcaster.class).disconnect(
                    Identity.of(request.getParameter("name"), request.getParameter("value")),
                    Boolean.parseBoolean(request.getParameter("reconnect")));
            case "/events/close" -> bean(OpenEventStreams.class).closeAll();
            case "/log/clear" -> log.clear();
            case "/log/verbose" -> log.verbose(Boolean.parseBoolean(body));
            default -> {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
        }
        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
    }

    /** The JSON as a JsonValue, or as a record that JSON-B will have to encode ({@code as=point}). */
    private static Object payload(String as, String json) {
        JsonObject object = JsonReading.parse(json).asJsonObject();
        return "point".equals(as) ? new ProbeChannel.Point(object.getInt("x"), object.getInt("y")) : object;
    }

    @Override
    public void init() {
        log = new LogRecorder();
    }

    @Override
    public void destroy() {
        log.close();
    }

    private static long threads(String prefix) {
        return Arrays.stream(ManagementFactory.getThreadMXBean().dumpAllThreads(false, false))
                .filter(thread -> thread.getThreadName().startsWith(prefix)).count();
    }

    /**
     * Live threads but the server's request-worker pool (Undertow's "default task-N", Payara's
     * "http-thread-pool::...", Grizzly's "Grizzly-worker(N)"): that pool grows on demand up to its
     * maximum under the tests' load, which says nothing about a leak.
     */
    private static long nonWorkerThreads() {
        return Arrays.stream(ManagementFactory.getThreadMXBean().dumpAllThreads(false, false))
                .filter(thread -> !WORKER_POOLS.matcher(thread.getThreadName()).lookingAt()).count();
    }

    private static final Pattern WORKER_POOLS = Pattern.compile("default task-|http-thread-pool::|Grizzly-worker");

    private static void json(HttpServletResponse response, String json) throws IOException {
        response.setContentType("application/json;charset=UTF-8");
        response.getWriter().write(json);
    }
}
