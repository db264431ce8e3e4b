package io.jcable.internal.standalone;

import io.jcable.config.CableConfig;
import io.jcable.internal.http.BroadcastApiRegistrar;
import io.jcable.internal.monitoring.MonitoringRegistrar;
import io.jcable.internal.server.EndpointRegistrar;
import io.jcable.internal.server.GracefulShutdown;
import io.jcable.internal.server.OriginCheck;
import io.jcable.internal.sse.EventsRegistrar;
import jakarta.servlet.Servlet;
import jakarta.websocket.DeploymentException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.servlet.WebappContext;
import org.glassfish.grizzly.ssl.SSLEngineConfigurator;
import org.jboss.weld.environment.se.WeldContainer;

/**
 * A running {@link io.jcable.standalone.CableServer}: Weld SE, Tyrus and Grizzly on one port. Kept
 * apart so that no Tyrus, Grizzly or Weld type reaches the API.
 */
public final class EmbeddedServer {

    private static final System.Logger LOG = System.getLogger(EmbeddedServer.class.getName());

    private final WeldContainer beans;
    private final TyrusContainer webSockets;
    private final HttpServer http;
    private final NetworkListener listener;
    private final CableConfig config;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final CountDownLatch stop = new CountDownLatch(1);

    private EmbeddedServer(WeldContainer beans, TyrusContainer webSockets, HttpServer http, NetworkListener listener,
                           CableConfig config) {
        this.beans = beans;
        this.webSockets = webSockets;
        this.http = http;
        this.listener = listener;
        this.config = config;
    }

    /** Starts CDI with {@code beanClasses} besides the bean archives, then the server; serving when it returns. */
    public static EmbeddedServer start(String host, int port, CableConfig config, Map<String, Servlet> servlets,
                                       List<Class<?>> beanClasses) {
        OneLineLogging.install();
        TyrusInternals tyrus = TyrusInternals.check();
        WeldContainer beans = (WeldContainer) EmbeddedBeans.start(config, beanClasses);
        try {
            return start(host, port, config, servlets, beans, tyrus);
        } catch (RuntimeException e) {
            beans.shutdown();
            throw e;
        }
    }

    private static EmbeddedServer start(String host, int port, CableConfig config, Map<String, Servlet> servlets,
                                        WeldContainer beans, TyrusInternals tyrus) {
        TyrusContainer webSockets = new TyrusContainer(config.maxFrameSize(), new OriginCheck(config.origins()), tyrus);
        HttpServer http = new HttpServer();
        NetworkListener listener = new NetworkListener("jcable", host, port);
        config.tls().ifPresent(tls -> {
            listener.setSecure(true);
            listener.setSSLEngineConfig(new SSLEngineConfigurator(tls.sslContext(), false, false, false));
        });
        listener.registerAddOn(webSockets.addOn());
        listener.registerAddOn(webSockets.webSocketChain());
        listener.registerAddOn(new UpgradeFilter(tyrus));
        http.addListener(listener);

        WebappContext web = new WebappContext("jcable", "");
        servlets.forEach((pattern, servlet) ->
                web.addServlet(servlet.getClass().getName() + pattern, servlet).addMapping(pattern));
        PlainHttpAnswers.register(web, servlets, config.path());
        BroadcastApiRegistrar.register(web, beans);
        EventsRegistrar.register(web, beans);
        MonitoringRegistrar.register(web, beans, host + ":" + port + config.path());
        EndpointRegistrar.register(webSockets, beans, new TyrusRawSockets(tyrus));
        try {
            web.deploy(http);
            webSockets.start("", port);
            webSockets.doneDeployment();
            http.start();
        } catch (IOException e) {
            http.shutdownNow();
            throw new UncheckedIOException("JCable cannot listen on " + host + ":" + port, e);
        } catch (DeploymentException e) {
            http.shutdownNow();
            throw new IllegalStateException("JCable's endpoint cannot be deployed", e);
        }
        EmbeddedServer server = new EmbeddedServer(beans, webSockets, http, listener, config);
        LOG.log(Level.INFO, "JCable listening on {0}", server.uri());
        return server;
    }

    public int port() {
        return listener.getPort();
    }

    public URI uri() {
        return URI.create((listener.isSecure() ? "wss://" : "ws://") + listener.getHost() + ":" + port() + config.path());
    }

    public <T> T bean(Class<T> type) {
        return beans.select(type).get();
    }

    /** Delivers what was accepted, tells every client server_restart, then stops; once. */
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

    public void awaitStop() throws InterruptedException {
        stop.await();
    }
}
