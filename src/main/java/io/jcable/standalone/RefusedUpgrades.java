package io.jcable.standalone;

import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.Filter;
import org.glassfish.grizzly.filterchain.FilterChainBuilder;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.http.HttpContent;
import org.glassfish.grizzly.http.HttpResponsePacket;
import org.glassfish.grizzly.http.server.AddOn;
import org.glassfish.grizzly.http.server.NetworkListener;

/**
 * Completes the HTTP response that Tyrus writes when it refuses an upgrade (an origin not on the
 * allow-list, a malformed handshake). Tyrus 2.1 writes the status and headers but neither a
 * {@code Content-Length} nor the end of the response, so the client waits for a body until it
 * times out. Sits between Grizzly's HTTP codec and Tyrus, and lets everything else pass.
 */
final class RefusedUpgrades extends BaseFilter implements AddOn {

    private static final String TYRUS_FILTER = "org.glassfish.tyrus.container.grizzly.server.GrizzlyServerFilter";

    @Override
    public void setup(NetworkListener listener, FilterChainBuilder builder) {
        try {
            @SuppressWarnings("unchecked")
            Class<? extends Filter> tyrus = (Class<? extends Filter>) Class.forName(TYRUS_FILTER);
            int index = builder.indexOfType(tyrus);
            if (index < 0) {
                throw new IllegalStateException("Tyrus' filter is not in the listener's chain: register its add-on first");
            }
            builder.add(index, this);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("this Tyrus version has no " + TYRUS_FILTER, e);
        }
    }

    @Override
    public NextAction handleWrite(FilterChainContext ctx) {
        if (ctx.getMessage() instanceof HttpContent content && !content.isLast()
                && content.getHttpHeader() instanceof HttpResponsePacket response && response.getStatus() != 101) {
            response.setContentLength(0);
            ctx.setMessage(HttpContent.builder(response).last(true).build());
        }
        return ctx.getInvokeAction();
    }
}
