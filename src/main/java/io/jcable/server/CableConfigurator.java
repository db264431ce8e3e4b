package io.jcable.server;

import io.jcable.protocol.Subprotocols;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The handshake: refuses origins not on the allow-list (the upgrade then fails, so a foreign site
 * never gets a socket), picks the subprotocol as Rails does, snapshots the request, and makes the
 * endpoint instance itself (WildFly does not inject programmatic endpoints).
 */
final class CableConfigurator extends ServerEndpointConfig.Configurator {

    private static final System.Logger LOG = System.getLogger(CableConfigurator.class.getName());

    private final Optional<List<String>> allowedOrigins;
    private final Supplier<CableEndpoint> endpoints;

    CableConfigurator(Optional<List<String>> allowedOrigins, Supplier<CableEndpoint> endpoints) {
        this.allowedOrigins = allowedOrigins;
        this.endpoints = endpoints;
    }

    @Override
    public boolean checkOrigin(String origin) {
        if (allowedOrigins.isEmpty()) {
            return true;
        }
        boolean allowed = origin != null && allowedOrigins.get().stream().anyMatch(origin::equalsIgnoreCase);
        if (!allowed) {
            LOG.log(Level.INFO, "refused a WebSocket upgrade from origin {0} (jcable.allowed-origins)",
                    origin == null ? "(none)" : io.jcable.protocol.JsonText.quoteForLog(origin));
        }
        return allowed;
    }

    @Override
    public String getNegotiatedSubprotocol(List<String> supported, List<String> requested) {
        return Subprotocols.negotiate(requested);
    }

    @Override
    public void modifyHandshake(ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
        config.getUserProperties().put(HandshakeSnapshot.KEY, HandshakeSnapshot.of(request));
    }

    @Override
    public <T> T getEndpointInstance(Class<T> endpointClass) {
        return endpointClass.cast(endpoints.get());
    }
}
