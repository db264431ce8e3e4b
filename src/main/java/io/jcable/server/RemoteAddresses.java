package io.jcable.server;

import jakarta.websocket.Session;
import java.lang.reflect.Method;
import java.net.InetSocketAddress;
import java.util.function.Function;

/**
 * The peer's address of a session. Jakarta WebSocket has no API for it, so this asks the known
 * containers' session classes, by their public methods: Tyrus' {@code getRemoteAddr()} (standalone,
 * Payara) and Undertow's {@code getWebSocketChannel().getPeerAddress()} (WildFly).
 */
final class RemoteAddresses {

    private static final ClassValue<Function<Object, Object>> READERS = new ClassValue<>() {
        @Override
        protected Function<Object, Object> computeValue(Class<?> type) {
            Method tyrus = method(type, "getRemoteAddr");
            if (tyrus != null) {
                return session -> invoke(tyrus, session);
            }
            Method undertow = method(type, "getWebSocketChannel");
            if (undertow != null) {
                return session -> {
                    Object channel = invoke(undertow, session);
                    Method peer = channel == null ? null : method(channel.getClass(), "getPeerAddress");
                    return peer == null ? null : invoke(peer, channel);
                };
            }
            return session -> null;
        }
    };

    private RemoteAddresses() {
    }

    static String of(Session session) {
        Object address = READERS.get(session.getClass()).apply(session);
        if (address instanceof InetSocketAddress socket) {
            return socket.getAddress() != null ? socket.getAddress().getHostAddress() : socket.getHostString();
        }
        return address == null ? "unknown" : address.toString();
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
