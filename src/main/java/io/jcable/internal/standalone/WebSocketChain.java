package io.jcable.internal.standalone;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.glassfish.grizzly.Buffer;
import org.glassfish.grizzly.Grizzly;
import org.glassfish.grizzly.attributes.Attribute;
import org.glassfish.grizzly.attributes.AttributeHolder;
import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChain;
import org.glassfish.grizzly.filterchain.FilterChainBuilder;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.http.HttpServerFilter;
import org.glassfish.grizzly.http.server.AddOn;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.memory.ByteBufferArray;
import org.glassfish.grizzly.utils.IdleTimeoutFilter;
import org.glassfish.tyrus.core.CloseReasons;
import org.glassfish.tyrus.spi.Connection;
import org.glassfish.tyrus.spi.Writer;

/**
 * Moves each upgraded connection from the listener's HTTP filter chain to a short one: transport
 * (and TLS, when the listener has it), idle timeout, then straight to Tyrus. Grizzly would
 * otherwise keep the upgrade request of every WebSocket for its whole life (about 10 KiB of
 * parsed headers and buffers), and every frame, in and out, would pass the HTTP codec, the file
 * cache and both upgrade filters.
 */
final class WebSocketChain extends BaseFilter implements AddOn {

    private static final Attribute<Connection> WEB_SOCKET =
            Grizzly.DEFAULT_ATTRIBUTE_BUILDER.createAttribute(WebSocketChain.class.getName());

    private final TyrusInternals tyrus;
    private FilterChain chain;

    WebSocketChain(TyrusInternals tyrus) {
        this.tyrus = tyrus;
    }

    /** Builds the short chain from the listener's own filters, so TLS and the idle timeout stay as configured. */
    @Override
    public void setup(NetworkListener listener, FilterChainBuilder builder) {
        int codec = builder.indexOfType(HttpServerFilter.class);
        int idle = builder.indexOfType(IdleTimeoutFilter.class);
        if (codec < 0 || idle < 0) {
            throw new IllegalStateException("the listener's chain has no HTTP codec or idle timeout filter");
        }
        FilterChainBuilder webSocket = FilterChainBuilder.stateless();
        for (int i = 0; i < codec; i++) {
            webSocket.add(builder.get(i));
        }
        chain = webSocket.add(builder.get(idle)).add(this).build();
    }

    /** Called once Tyrus has accepted the upgrade and written its response: the next read comes here. */
    void adopt(Writer writer, Connection webSocket) {
        // Tyrus' and Grizzly's connections share a simple name: this one is Grizzly's.
        var connection = tyrus.connection(writer);
        if (connection == null) {
            return; // not a Grizzly writer: the connection stays on the HTTP chain, which works too
        }
        WEB_SOCKET.set(connection, webSocket);
        connection.setProcessor(chain);
        AttributeHolder attributes = connection.getAttributes();
        TyrusInternals.HTTP_STATE.forEach(attributes::removeAttribute);
    }

    @Override
    public NextAction handleRead(FilterChainContext ctx) {
        Connection webSocket = WEB_SOCKET.get(ctx.getConnection());
        Buffer data = ctx.getMessage();
        if (webSocket == null || !data.hasRemaining()) {
            return ctx.getStopAction();
        }
        // A close may arrive on another thread than the read; Tyrus' connection expects one at a time.
        synchronized (webSocket) {
            if (!data.isComposite()) {
                webSocket.getReadHandler().handle(data.toByteBuffer());
            } else {
                ByteBufferArray parts = data.toByteBufferArray();
                ByteBuffer[] array = parts.getArray();
                for (int i = 0; i < parts.size(); i++) {
                    webSocket.getReadHandler().handle(array[i]);
                }
                parts.recycle();
            }
        }
        return ctx.getStopAction();
    }

    @Override
    public NextAction handleClose(FilterChainContext ctx) throws IOException {
        Connection webSocket = WEB_SOCKET.remove(ctx.getConnection());
        if (webSocket != null) {
            synchronized (webSocket) {
                webSocket.close(CloseReasons.CLOSED_ABNORMALLY.getCloseReason());
            }
        }
        return ctx.getStopAction();
    }
}
