package io.jcable.internal.standalone;

import java.io.IOException;
import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChainBuilder;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.FilterChainEvent;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.http.HttpContent;
import org.glassfish.grizzly.http.HttpEvents;
import org.glassfish.grizzly.http.HttpHeader;
import org.glassfish.grizzly.http.HttpRequestPacket;
import org.glassfish.grizzly.http.HttpResponsePacket;
import org.glassfish.grizzly.http.server.AddOn;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.http.util.Header;

/**
 * Mends two gaps around HTTP upgrades, between Grizzly's HTTP codec and Tyrus:
 * <ul>
 * <li>a request that asks for any upgrade but WebSocket (the JDK's HttpClient asks for
 *     {@code h2c} by default) is served as plain HTTP/1.1, which RFC 9110 allows: Grizzly would
 *     otherwise stop reading its body at the Content-Length and wait forever;</li>
 * <li>the response Tyrus writes when it refuses a WebSocket upgrade (an origin not on the
 *     allow-list, a malformed handshake) gets its end: Tyrus 2.1 writes status and headers but
 *     neither a Content-Length nor the end of the response, so the client waits until it times out.</li>
 * </ul>
 */
final class UpgradeFilter extends BaseFilter implements AddOn {

    private final TyrusInternals tyrus;

    UpgradeFilter(TyrusInternals tyrus) {
        this.tyrus = tyrus;
    }

    @Override
    public void setup(NetworkListener listener, FilterChainBuilder builder) {
        int index = builder.indexOfType(tyrus.serverFilter());
        if (index < 0) {
            throw new IllegalStateException("Tyrus' filter is not in the listener's chain: register its add-on first");
        }
        builder.add(index, this);
    }

    @Override
    public NextAction handleEvent(FilterChainContext ctx, FilterChainEvent event) throws IOException {
        if (event instanceof HttpEvents.IncomingHttpUpgradeEvent upgrade) {
            HttpHeader request = upgrade.getHttpHeader();
            if (!"websocket".equalsIgnoreCase(request.getUpgrade())) {
                request.getUpgradeDC().recycle();
                request.getHeaders().removeHeader(Header.Upgrade);
                request.setIgnoreContentModifiers(false);
            }
        }
        return ctx.getInvokeAction();
    }

    @Override
    public NextAction handleWrite(FilterChainContext ctx) {
        // Only Tyrus' refusal: headers without a body, not last, answering a WebSocket upgrade. Any
        // other response that is not last is the first chunk of a body bigger than the output buffer.
        if (ctx.getMessage() instanceof HttpContent content && !content.isLast() && !content.getContent().hasRemaining()
                && content.getHttpHeader() instanceof HttpResponsePacket response && response.getStatus() != 101
                && isWebSocketUpgrade(response.getRequest())) {
            response.setContentLength(0);
            ctx.setMessage(HttpContent.builder(response).last(true).build());
        }
        return ctx.getInvokeAction();
    }

    private static boolean isWebSocketUpgrade(HttpRequestPacket request) {
        return request != null && "websocket".equalsIgnoreCase(request.getUpgrade());
    }
}
