package io.jcable.internal.server;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * In a WAR: answers 403 to a WebSocket upgrade of the endpoint's path that {@link OriginCheck}
 * refuses, before the container's own WebSocket filter (WildFly's and Payara's are mapped after
 * the application's filters) can upgrade it. Any other request passes.
 */
final class OriginFilter implements Filter {

    private final OriginCheck check;

    OriginFilter(OriginCheck check) {
        this.check = check;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request instanceof HttpServletRequest http && response instanceof HttpServletResponse refusal
                && "websocket".equalsIgnoreCase(http.getHeader("Upgrade")) && !check.admits(http.isSecure(), http::getHeader)) {
            refusal.setStatus(OriginCheck.REFUSED);
            refusal.setContentLength(0);
            return;
        }
        chain.doFilter(request, response);
    }
}
