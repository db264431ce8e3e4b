package io.jcable.internal.binding;

import java.util.Map;

/** Picks an exception's handler as Rails' {@code rescue_from} and JAX-RS do: the closest type wins. */
public final class ExceptionTypes {

    private ExceptionTypes() {
    }

    /** The value of the key that is {@code type} or its nearest superclass; null when none is. */
    public static <T> T closest(Map<Class<? extends Throwable>, T> handlers, Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            T handler = handlers.get(c);
            if (handler != null) {
                return handler;
            }
        }
        return null;
    }
}
