package io.jcable.server;

import jakarta.websocket.Session;
import java.lang.reflect.Method;

/**
 * The peer's address of a session. Jakarta WebSocket has no API for it, so this asks the known
 * containers' session classes: Tyrus' {@code getRemoteAddr()}.
 */
final class RemoteAddresses {

    private static final ClassValue<Method> GETTER = new ClassValue<>() {
        @Override
        protected Method computeValue(Class<?> type) {
            try {
                return type.getMethod("getRemoteAddr");
            } catch (NoSuchMethodException e) {
                return null;
            }
        }
    };

    private RemoteAddresses() {
    }

    static String of(Session session) {
        Method getter = GETTER.get(session.getClass());
        if (getter != null) {
            try {
                Object address = getter.invoke(session);
                if (address != null) {
                    return address.toString();
                }
            } catch (ReflectiveOperationException | RuntimeException e) {
                // fall through
            }
        }
        return "unknown";
    }
}
