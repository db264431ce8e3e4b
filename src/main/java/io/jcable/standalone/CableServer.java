package io.jcable.standalone;

import io.jcable.config.CableConfig;
import io.jcable.internal.standalone.EmbeddedServer;
import jakarta.servlet.Servlet;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    private final EmbeddedServer running;

    private CableServer(EmbeddedServer running) {
        this.running = running;
    }

    /** A builder with every option at its default: {@code CableServer.builder().port(8080).start()}. */
    public static Builder builder() {
        return new Builder();
    }

    /** The port the server listens on (the one the system chose, when started with port 0). */
    public int port() {
        return running.port();
    }

    /** The endpoint's URI, e.g. {@code ws://127.0.0.1:8080/cable}. */
    public URI uri() {
        return running.uri();
    }

    /** A bean of the server's CDI container, e.g. the {@code Broadcaster}. */
    public <T> T bean(Class<T> type) {
        return running.bean(type);
    }

    /**
     * Stops gracefully: broadcasts already accepted are delivered, every client gets
     * {@code server_restart} (reconnect true) and is closed, then the server and its CDI container
     * stop. Safe to call more than once.
     */
    public void stop() {
        running.stop();
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
        running.awaitStop();
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
            return new CableServer(EmbeddedServer.start(host, port, CableConfig.from(options), servlets, beanClasses));
        }
    }
}
