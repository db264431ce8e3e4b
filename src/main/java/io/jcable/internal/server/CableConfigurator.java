package io.jcable.internal.server;

import io.jcable.internal.protocol.Subprotocols;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;
import java.util.List;
import java.util.function.Supplier;

/**
 * The handshake: picks the subprotocol as Rails does, snapshots the request, and makes the
 * endpoint instance itself (WildFly does not inject programmatic endpoints). Origins are checked
 * before it (see {@link OriginCheck}).
 */
final class CableConfigurator extends ServerEndpointConfig.Configurator {

    private final Supplier<CableEndpoint> endpoints;

    CableConfigurator(Supplier<CableEndpoint> endpoints) {
        this.endpoints = endpoints;
    }

    /** Admits every origin: {@link OriginCheck} decided before, knowing the request's own host, which this is not told. */
    @Override
    public boolean checkOrigin(String origin) {
        return true;
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
