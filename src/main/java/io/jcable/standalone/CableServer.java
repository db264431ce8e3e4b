package io.jcable.standalone;

import io.jcable.config.CableConfig;
import io.jcable.http.BroadcastApiRegistrar;
import io.jcable.monitoring.MonitoringRegistrar;
import io.jcable.server.GracefulShutdown;
import io.jcable.server.EndpointRegistrar;
import io.jcable.server.OriginCheck;
import jakarta.servlet.Servlet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.ssl.SSLEngineConfigurator;
import org.glassfish.grizzly.servlet.WebappContext;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;

/**
 * JCable without an application server: the ActionCable endpoint, the application's channels
 * (CDI beans found on the class path, in archives with a {@code META-INF/beans.xml}) and its
 * Servlets on one port.
 *
 * <pre>{@code
 * public static void main(String[] args) {
 *     CableServer server = CableServer.builder().port(8080).start();
 *     server.stopOnShutdown();   // SIGTERM or Ctrl-C: clients get server_restart, then the server stops
 *     server.awaitStop();
 * }
 * }</pre>
 */
public final class CableServer implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(CableServer.class.getName());
    private static final AtomicInteger CONTAINERS = new AtomicInteger();

    private final WeldContainer beans;
    private final TyrusContainer webSockets;
    private final HttpServer http;
    private final NetworkListener listener;
    private final CableConfig config;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final CountDownLatch stop = new CountDownLatch(1);

    private CableServer(WeldContainer beans, TyrusContainer webSockets, HttpServer http, NetworkListener listener,
                        CableConfig config) {
        this.beans = beans;
        this.webSockets = webSockets;
        this.http = http;
        this.listener = listener;
        this.config = config;
    }

    /** A builder with every option at its default: {@code CableServer.builder().port(8080).start()}. */
    public static Builder builder() {
        return new Builder();
    }

    /** The port the server listens on (the one the system chose, when started with port 0). */
    public int port() {
        return listener.getPort();
    }

    /** The endpoint's URI, e.g. {@code ws://127.0.0.1:8080/cable}. */
    public URI uri() {
        return URI.create((listener.isSecure() ? "wss://" : "ws://") + listener.getHost() + ":" + port() + config.path());
    }

    /** A bean of the server's CDI container, e.g. the {@code Broadcaster}. */
    public <T> T bean(Class<T> type) {
        return beans.select(type).get();
    }

    /**
     * Stops gracefully: broadcasts already accepted are delivered, every client gets
     * {@code server_restart} (reconnect true) and is closed, then the server and its CDI container
     * stop. Safe to call more than once.
     */
    public void stop() {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        OneLineLogging.stopLine(LOG, "JCable stopping: accepted broadcasts go out, then every client gets server_restart");
        try {
            beans.select(GracefulShutdown.class).get().shutdown();
        } finally {
            http.shutdownNow();
            webSockets.stop();
            beans.shutdown();
            stop.countDown();
            OneLineLogging.stopLine(LOG, "JCable stopped");
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** Stops this server gracefully when the JVM is asked to exit (SIGTERM, Ctrl-C). */
    public CableServer stopOnShutdown() {
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "jcable-shutdown"));
        return this;
    }

    /** Blocks until {@link #stop()} has finished. */
    public void awaitStop() throws InterruptedException {
        stop.await();
    }

    /** How a {@link CableServer} is set up; every option has a default. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port = 8080;
        private final Map<String, String> options = new LinkedHashMap<>();
        private final Map<String, Servlet> servlets = new LinkedHashMap<>();
        private final List<Class<?>> beanClasses = new ArrayList<>();

        private Builder() {
        }

        /** The address to listen on; default {@code 127.0.0.1}. {@code 0.0.0.0} listens on every interface. */
        public Builder host(String host) {
            this.host = host;
            return this;
        }

        /** The port; default 8080; 0 lets the system choose (see {@link CableServer#port()}). */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** Sets a JCable option, e.g. {@code option("jcable.path", "/ws")}; see {@link CableConfig}. */
        public Builder option(String name, String value) {
            options.put(name, value);
            return this;
        }

        /** Serves a Servlet next to the endpoint, e.g. {@code servlet("/api/*", new OrdersServlet())}; paths
         * that no Servlet is mapped at answer 404. */
        public Builder servlet(String urlPattern, Servlet servlet) {
            servlets.put(urlPattern, servlet);
            return this;
        }

        /** Adds beans that are not in a bean archive (no {@code META-INF/beans.xml} beside them). */
        public Builder beanClasses(Class<?>... classes) {
            beanClasses.addAll(List.of(classes));
            return this;
        }

        /** Starts the server; it is serving when this returns. */
        public CableServer start() {
            OneLineLogging.install();
            CableConfig config = CableConfig.from(options);
            WeldContainer beans = new Weld("jcable-" + CONTAINERS.incrementAndGet())
                    // Weld's own hook would stop CDI before the clients hear server_restart.
                    .property(Weld.SHUTDOWN_HOOK_SYSTEM_PROPERTY, false)
                    .addExtension(new ExplicitConfig(config))
                    .addBeanClasses(beanClasses.toArray(Class<?>[]::new))
                    .initialize();
            try {
                return start(config, beans);
            } catch (RuntimeException e) {
                beans.shutdown();
                throw e;
            }
        }

        private CableServer start(CableConfig config, WeldContainer beans) {
            TyrusContainer webSockets = new TyrusContainer(config.maxFrameSize(), new OriginCheck(config.origins()));
            HttpServer http = new HttpServer();
            NetworkListener listener = new NetworkListener("jcable", host, port);
            config.tls().ifPresent(tls -> {
                listener.setSecure(true);
                listener.setSSLEngineConfig(new SSLEngineConfigurator(tls.sslContext(), false, false, false));
            });
            listener.registerAddOn(webSockets.addOn());
            listener.registerAddOn(webSockets.webSocketChain());
            listener.registerAddOn(new UpgradeFilter());
            http.addListener(listener);

            WebappContext web = new WebappContext("jcable", "");
            servlets.forEach((pattern, servlet) ->
                    web.addServlet(servlet.getClass().getName() + pattern, servlet).addMapping(pattern));
            PlainHttpAnswers.register(web, servlets, config.path());
            BroadcastApiRegistrar.register(web, beans);
            MonitoringRegistrar.register(web, beans, host + ":" + port + config.path());
            EndpointRegistrar.register(webSockets, beans, new TyrusRawSockets());
            try {
                web.deploy(http);
                webSockets.start("", port);
                webSockets.doneDeployment();
                http.start();
            } catch (IOException e) {
                http.shutdownNow();
                throw new UncheckedIOException("JCable cannot listen on " + host + ":" + port, e);
            } catch (jakarta.websocket.DeploymentException e) {
                http.shutdownNow();
                throw new IllegalStateException("JCable's endpoint cannot be deployed", e);
            }
            CableServer server = new CableServer(beans, webSockets, http, listener, config);
            LOG.log(Level.INFO, "JCable listening on {0}", server.uri());
            return server;
        }
    }
}
