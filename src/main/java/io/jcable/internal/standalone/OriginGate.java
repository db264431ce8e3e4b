package io.jcable.internal.standalone;

import io.jcable.internal.server.OriginCheck;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.server.ServerEndpointConfig;
import org.glassfish.tyrus.spi.Connection;
import org.glassfish.tyrus.spi.UpgradeRequest;
import org.glassfish.tyrus.spi.UpgradeResponse;
import org.glassfish.tyrus.spi.WebSocketEngine;
import org.glassfish.tyrus.spi.Writer;

/**
 * Refuses, with 403, an upgrade whose origin {@link OriginCheck} does not admit, before Tyrus sees
 * it: the standalone runtime's counterpart of the WAR's servlet filter (Tyrus is ahead of the
 * Servlets here). {@link UpgradeFilter} ends the refusal's response.
 */
final class OriginGate implements WebSocketEngine {

    private static final UpgradeInfo REFUSED = new UpgradeInfo() {
        @Override
        public UpgradeStatus getStatus() {
            return UpgradeStatus.HANDSHAKE_FAILED;
        }

        @Override
        public Connection createConnection(Writer writer, Connection.CloseListener closeListener) {
            return null;
        }
    };

    private final WebSocketEngine engine;
    private final OriginCheck check;

    OriginGate(WebSocketEngine engine, OriginCheck check) {
        this.engine = engine;
        this.check = check;
    }

    @Override
    public UpgradeInfo upgrade(UpgradeRequest request, UpgradeResponse response) {
        if (check.admits(request.isSecure(), request::getHeader)) {
            return engine.upgrade(request, response);
        }
        response.setStatus(OriginCheck.REFUSED);
        return REFUSED;
    }

    @Override
    public void register(Class<?> endpointClass, String contextPath) throws DeploymentException {
        engine.register(endpointClass, contextPath);
    }

    @Override
    public void register(ServerEndpointConfig config, String contextPath) throws DeploymentException {
        engine.register(config, contextPath);
    }
}
