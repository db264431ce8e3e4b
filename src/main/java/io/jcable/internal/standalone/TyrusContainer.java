package io.jcable.internal.standalone;

import io.jcable.internal.server.OriginCheck;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.server.ServerEndpointConfig;
import java.util.Set;
import org.glassfish.grizzly.http.server.AddOn;
import org.glassfish.tyrus.core.TyrusWebSocketEngine;
import org.glassfish.tyrus.server.TyrusServerContainer;
import org.glassfish.tyrus.spi.WebSocketEngine;

/**
 * Tyrus' WebSocket engine, to be plugged into a Grizzly listener that we create ourselves: Tyrus'
 * own {@code Server} binds 0.0.0.0 and can serve nothing but WebSockets and static files.
 */
final class TyrusContainer extends TyrusServerContainer {

    private final TyrusWebSocketEngine engine;
    private final WebSocketEngine guarded;
    private final WebSocketChain chain;
    private final TyrusInternals tyrus;

    /**
     * @param maxFrameSize the largest frame payload accepted: Tyrus' read buffer holds such a frame
     *                     (header included, 14 bytes at most) and the next slice of bytes read
     * @param origins      decides which pages may connect, before Tyrus sees the upgrade
     * @param tyrus        the Tyrus members this runtime reaches, checked at start
     */
    TyrusContainer(int maxFrameSize, OriginCheck origins, TyrusInternals tyrus) {
        super((Set<Class<?>>) null);
        this.tyrus = tyrus;
        chain = new WebSocketChain(tyrus);
        engine = TyrusWebSocketEngine.builder(this).incomingBufferSize((int) Math.min(Integer.MAX_VALUE, (long) maxFrameSize + 14 + FrameSizeLimit.READ_SLICE)).build();
        guarded = new GuardedEngine(engine, origins, maxFrameSize, chain);
    }

    @Override
    public void register(Class<?> endpointClass) throws DeploymentException {
        engine.register(endpointClass, "");
    }

    @Override
    public void register(ServerEndpointConfig config) throws DeploymentException {
        engine.register(config, "");
    }

    @Override
    public WebSocketEngine getWebSocketEngine() {
        return guarded;
    }

    /** The Grizzly add-on that gives upgraded connections their own short filter chain. */
    AddOn webSocketChain() {
        return chain;
    }

    /** The Grizzly add-on that hands upgrade requests to this container. */
    AddOn addOn() {
        return tyrus.addOn(this);
    }
}
