package io.jcable.internal.server;

import io.jcable.config.CableConfig;
import io.jcable.internal.binding.ApplicationBeans;
import io.jcable.internal.protocol.Subprotocols;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.server.ServerContainer;
import jakarta.websocket.server.ServerEndpointConfig;
import java.lang.System.Logger.Level;
import java.util.EnumSet;

/**
 * Registers the ActionCable endpoint at {@code jcable.path} when a web application starts: from
 * this listener in a WAR (WildFly, Payara), with its {@link OriginFilter}; directly from the
 * standalone runtime, which checks origins in its engine. A listener rather
 * than a {@code ServerApplicationConfig}, which would filter the application's own endpoints too.
 */
@WebListener
public class EndpointRegistrar implements ServletContextListener {

    private static final System.Logger LOG = System.getLogger(EndpointRegistrar.class.getName());

    @Override
    public void contextInitialized(ServletContextEvent event) {
        ServletContext context = event.getServletContext();
        Object container = context.getAttribute(ServerContainer.class.getName());
        if (container instanceof ServerContainer webSockets) {
            CableConfig config = CDI.current().select(CableConfig.class).get();
            FilterRegistration.Dynamic origins = context.addFilter("jcable-origins", new OriginFilter(new OriginCheck(config.origins())));
            origins.setAsyncSupported(true);
            // Before every filter of the application, and so before the container's WebSocket filter.
            origins.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, config.path());
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
                .configurator(new CableConfigurator(() -> new CableEndpoint(dispatcher, registry, config, rawSockets)))
                .build();
        try {
            container.addEndpoint(endpoint);
        } catch (DeploymentException e) {
            throw new IllegalStateException("JCable: cannot publish the endpoint at " + config.path(), e);
        }
        int channels = beans.select(ApplicationBeans.class).get().channelCount();
        LOG.log(Level.INFO, "JCable serves ActionCable at {0} with {1} {2}", config.path(),
                channels == 1 ? "1 channel" : channels + " channels", config.describe());
        if (config.origins().anyOrigin()) {
            LOG.log(Level.WARNING, "jcable.allowed-origins=*: a page of any web site may open a WebSocket to {0} with its"
                    + " visitor''s cookies, HTTP session and container login, and act as that user (cross-site WebSocket"
                    + " hijacking). Identify connections by a token the page must hold, or list the sites instead", config.path());
        }
    }
}
