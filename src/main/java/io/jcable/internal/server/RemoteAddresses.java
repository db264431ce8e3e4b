package io.jcable.internal.server;

import jakarta.websocket.Session;
import java.lang.reflect.Method;
import java.net.InetSocketAddress;

/**
 * The peer's address of a session. Jakarta WebSocket has no API for it, so this asks the known
 * containers' session classes, by their public methods: Tyrus' {@code getRemoteAddr()} (standalone,
 * Payara) and Undertow's {@code getWebSocketChannel().getPeerAddress()} (WildFly).
 */
final class RemoteAddresses {

    private RemoteAddresses() {
    }

    static String of(Session session) {
        Object address = read(session);
        if (address instanceof InetSocketAddress socket) {
            return socket.getAddress() != null ? socket.getAddress().getHostAddress() : socket.getHostString();
        }
        return address == null ? "unknown" : address.toString();
    }

    /**
     * Looked up on every open, not cached: a cache keyed by the container's class (a ClassValue)
     * would keep this application's classes, and so its class loader, alive after an undeploy.
     */
    private static Object read(Session session) {
        Method tyrus = method(session.getClass(), "getRemoteAddr");
        if (tyrus != null) {
            return invoke(tyrus, session);
        }
        Method undertow = method(session.getClass(), "getWebSocketChannel");
        Object channel = undertow == null ? null : invoke(undertow, session);
        Method peer = channel == null ? null : method(channel.getClass(), "getPeerAddress");
        return peer == null ? null : invoke(peer, channel);
    }

    private static Method method(Class<?> type, String name) {
        try {
            return type.getMethod(name);
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    private static Object invoke(Method method, Object target) {
        try {
            return method.invoke(target);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
