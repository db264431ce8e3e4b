package io.jcable.server;

import io.jcable.binding.ApplicationBeans;
import io.jcable.config.CableConfig;
import io.jcable.protocol.Subprotocols;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.server.ServerContainer;
import jakarta.websocket.server.ServerEndpointConfig;
import java.lang.System.Logger.Level;

/**
 * Registers the ActionCable endpoint at {@code jcable.path} when a web application starts: from
 * this listener in a WAR (WildFly, Payara), directly from the standalone runtime. A listener rather
 * than a {@code ServerApplicationConfig}, which would filter the application's own endpoints too.
 */
@WebListener
public class EndpointRegistrar implements ServletContextListener {

    private static final System.Logger LOG = System.getLogger(EndpointRegistrar.class.getName());

    @Override
    public void contextInitialized(ServletContextEvent event) {
        Object container = event.getServletContext().getAttribute(ServerContainer.class.getName());
        if (container instanceof ServerContainer webSockets) {
            register(webSockets, CDI.current());
        } else {
            LOG.log(Level.WARNING, "this web application has no Jakarta WebSocket container: JCable is not serving");
        }
    }

    /** Publishes the endpoint in {@code container}, with its collaborators taken from {@code beans}. */
    public static void register(ServerContainer container, Instance<Object> beans) {
        register(container, beans, null);
    }

    /** The same, with the runtime's raw sockets (null: none). */
    public static void register(ServerContainer container, Instance<Object> beans, RawSocket.Finder rawSockets) {
        CableConfig config = beans.select(CableConfig.class).get();
        Dispatcher dispatcher = beans.select(Dispatcher.class).get();
        ConnectionRegistry registry = beans.select(ConnectionRegistry.class).get();
        ServerEndpointConfig endpoint = ServerEndpointConfig.Builder.create(CableEndpoint.class, config.path())
                .subprotocols(Subprotocols.KNOWN)
                .configurator(new CableConfigurator(config.allowedOrigins(),
                        () -> new CableEndpoint(dispatcher, registry, config, rawSockets)))
                .build();
        try {
            container.addEndpoint(endpoint);
        } catch (DeploymentException e) {
            throw new IllegalStateException("JCable: cannot publish the endpoint at " + config.path(), e);
        }
        int channels = beans.select(ApplicationBeans.class).get().channelCount();
        LOG.log(Level.INFO, "JCable serves ActionCable at {0} with {1} {2}", config.path(),
                channels == 1 ? "1 channel" : channels + " channels", config.describe());
    }
}
