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
 * Tyrus' engine as Grizzly's upgrade filter sees it. An upgrade whose origin {@link OriginCheck}
 * does not admit is refused with 403 before Tyrus sees it: the standalone runtime's counterpart of
 * the WAR's servlet filter (Tyrus is ahead of the Servlets here), whose response
 * {@link UpgradeFilter} ends. Each connection Tyrus accepts reads through its
 * {@link FrameSizeLimit} and moves to the {@link WebSocketChain}.
 */
final class GuardedEngine implements WebSocketEngine {

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
    private final OriginCheck origins;
    private final long maxFrameSize;
    private final WebSocketChain chain;

    GuardedEngine(WebSocketEngine engine, OriginCheck origins, long maxFrameSize, WebSocketChain chain) {
        this.engine = engine;
        this.origins = origins;
        this.maxFrameSize = maxFrameSize;
        this.chain = chain;
    }

    @Override
    public UpgradeInfo upgrade(UpgradeRequest request, UpgradeResponse response) {
        if (!origins.admits(request.isSecure(), request::getHeader)) {
            response.setStatus(OriginCheck.REFUSED);
            return REFUSED;
        }
        UpgradeInfo upgrade = engine.upgrade(request, response);
        if (upgrade.getStatus() != UpgradeStatus.SUCCESS) {
            return upgrade;
        }
        return new UpgradeInfo() {
            @Override
            public UpgradeStatus getStatus() {
                return upgrade.getStatus();
            }

            @Override
            public Connection createConnection(Writer writer, Connection.CloseListener closeListener) {
                Connection connection = new FrameSizeLimit(upgrade.createConnection(writer, closeListener), maxFrameSize);
                chain.adopt(writer, connection);
                return connection;
            }
        };
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
