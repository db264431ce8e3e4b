package io.jcable.internal.server;

import io.jcable.channel.CableRequest;
import io.jcable.config.CableConfig;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.Session;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.Map;

/**
 * The Jakarta WebSocket endpoint that speaks {@code actioncable-v1-json}, one instance per
 * connection. It is registered programmatically (see {@link EndpointRegistrar}) because its path is
 * configurable, which an annotation's is not; it is the same on WildFly, Payara and standalone.
 */
public final class CableEndpoint extends Endpoint {

    private static final System.Logger LOG = System.getLogger(CableEndpoint.class.getName());

    private final Dispatcher dispatcher;
    private final ConnectionRegistry registry;
    private final CableConfig config;
    private final RawSocket.Finder rawSockets;
    private volatile CableConnection connection;

    /** @param rawSockets null when the runtime offers none */
    CableEndpoint(Dispatcher dispatcher, ConnectionRegistry registry, CableConfig config, RawSocket.Finder rawSockets) {
        this.dispatcher = dispatcher;
        this.rawSockets = rawSockets;
        this.registry = registry;
        this.config = config;
    }

    @Override
    public void onOpen(Session session, EndpointConfig endpointConfig) {
        session.setMaxTextMessageBufferSize(config.maxFrameSize());
        session.setMaxBinaryMessageBufferSize(config.maxFrameSize());
        // Removed: the connection's CableRequest holds what it needs, a second copy would stay for life.
        HandshakeSnapshot handshake = (HandshakeSnapshot) session.getUserProperties().remove(HandshakeSnapshot.KEY);
        String remoteAddress = RemoteAddresses.of(session);
        CableRequest request = handshake != null ? handshake.request(remoteAddress)
                : new CableRequest(URI.create(config.path()), Map.of(), Map.of(), Map.of(), null, remoteAddress, Map.of());
        CableConnection opened = registry.open(session, rawSockets == null ? null : rawSockets.of(session), request,
                dispatcher::close);
        connection = opened;
        session.addMessageHandler(String.class, text -> {
            if (tooBig(text)) {
                close(session, new CloseReason(CloseReason.CloseCodes.TOO_BIG, "message over jcable.max-frame-size"));
            } else {
                dispatcher.dispatch(opened, text);
            }
        });
        session.addMessageHandler(ByteBuffer.class, bytes -> dispatcher.binary(opened, bytes.remaining()));
        try {
            dispatcher.open(opened);
        } finally {
            opened.upgradeDone();
        }
    }

    /**
     * Whether a message is over the limit, in UTF-8 bytes. Containers enforce it on frames or on
     * fragmented messages, not always on both: this holds whatever reached us.
     */
    private boolean tooBig(String text) {
        int max = config.maxFrameSize();
        if ((long) text.length() * 3 <= max) {
            return false; // no UTF-8 char takes more than 3 bytes per UTF-16 char
        }
        long bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            bytes += c < 0x80 ? 1 : c < 0x800 || Character.isSurrogate(c) ? 2 : 3;
        }
        return bytes > max;
    }

    private static void close(Session session, CloseReason reason) {
        try {
            session.close(reason);
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "close failed: {0}", e.toString());
        }
    }

    @Override
    public void onClose(Session session, CloseReason reason) {
        CableConnection closed = connection;
        if (closed == null) {
            return;
        }
        if (reason.getCloseCode().getCode() == CloseReason.CloseCodes.TOO_BIG.getCode()) {
            LOG.log(Level.INFO, "{0}: closed with 1009: a frame was over {1,number,#} bytes (jcable.max-frame-size)",
                    closed, config.maxFrameSize());
        } else {
            LOG.log(Level.DEBUG, "{0}: closed: {1}", closed, reason);
        }
        dispatcher.close(closed);
    }

    @Override
    public void onError(Session session, Throwable error) {
        Level level = error instanceof IOException ? Level.DEBUG : Level.WARNING;
        LOG.log(level, "{0}: {1}", connection == null ? "connection" : connection, String.valueOf(error));
    }
}
