package io.jcable.internal.broadcast;

import io.jcable.internal.binding.ChannelReader;
import java.lang.annotation.Annotation;
import java.lang.reflect.AccessibleObject;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.UUID;

/**
 * Names the stream of a model for a channel, as ActionCable's {@code broadcasting_for}:
 * {@code <channel name>:<model key>}. A model's key is its text when it is a string, number, UUID or
 * enum; otherwise {@code <SimpleClassName>:<id>}, with the id taken from a JPA {@code @Id} member, or
 * from an {@code id()} or {@code getId()} method.
 */
public final class StreamNames {

    private StreamNames() {
    }

    public static String forModel(Class<?> channel, Object model) {
        return ChannelReader.channelName(channel) + ":" + modelKey(model);
    }

    /** What names {@code model} in a stream name (also turbo-rails' streamables, joined by {@code :}). */
    public static String modelKey(Object model) {
        if (model == null) {
            throw new IllegalArgumentException("cannot name a stream for null");
        }
        if (model instanceof CharSequence || model instanceof Number || model instanceof UUID
                || model instanceof Boolean) {
            return model.toString();
        }
        if (model instanceof Enum<?> constant) {
            return constant.name();
        }
        return model.getClass().getSimpleName() + ":" + id(model);
    }

    private static Object id(Object model) {
        for (Class<?> c = model.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (isJpaId(field)) {
                    return read(field, model);
                }
            }
            for (Method method : c.getDeclaredMethods()) {
                if (method.getParameterCount() == 0 && (isJpaId(method)
                        || method.getName().equals("id") || method.getName().equals("getId"))) {
                    return read(method, model);
                }
            }
        }
        throw new IllegalArgumentException("cannot name a stream for a " + model.getClass().getName()
                + ": give it a JPA @Id, an id() or a getId() method, or stream from a name");
    }

    private static boolean isJpaId(AccessibleObject member) {
        for (Annotation annotation : member.getAnnotations()) {
            String name = annotation.annotationType().getName();
            if (name.equals("jakarta.persistence.Id") || name.equals("jakarta.persistence.EmbeddedId")) {
                return true;
            }
        }
        return false;
    }

    private static Object read(AccessibleObject member, Object model) {
        try {
            member.setAccessible(true);
            Object id = member instanceof Field field ? field.get(model) : ((Method) member).invoke(model);
            if (id == null) {
                throw new IllegalArgumentException("cannot name a stream for a " + model.getClass().getName()
                        + " whose id is null");
            }
            return id;
        } catch (ReflectiveOperationException | RuntimeException e) {
            if (e instanceof IllegalArgumentException illegal) {
                throw illegal;
            }
            throw new IllegalArgumentException("cannot read the id of a " + model.getClass().getName(), e);
        }
    }
}
