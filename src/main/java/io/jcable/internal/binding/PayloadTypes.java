package io.jcable.internal.binding;

import jakarta.json.JsonObject;
import jakarta.json.bind.annotation.JsonbCreator;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** Which types an action's payload can be bound to. The data is always a JSON object. */
final class PayloadTypes {

    private PayloadTypes() {
    }

    /** Why {@code type} cannot hold the data, or empty when it can. */
    static Optional<String> problem(Class<?> type) {
        if (type.isAssignableFrom(JsonObject.class) || type == Map.class) {
            return Optional.empty();
        }
        if (type.isPrimitive() || type.isArray() || type.isEnum() || Number.class.isAssignableFrom(type)
                || type == String.class || type == Boolean.class || Iterable.class.isAssignableFrom(type)) {
            return Optional.of("the data is a JSON object, and " + type.getSimpleName() + " cannot hold one");
        }
        if (type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
            return Optional.of("JSON-B cannot create an instance of an interface or abstract class");
        }
        if (type.getEnclosingClass() != null && !Modifier.isStatic(type.getModifiers())) {
            return Optional.of("JSON-B cannot create an inner (non-static) class; make it static or a record");
        }
        if (type.isRecord() || hasCreator(type) || hasNoArgConstructor(type)) {
            return Optional.empty();
        }
        return Optional.of("JSON-B needs a record, a public or protected no-arg constructor, or a @JsonbCreator");
    }

    private static boolean hasCreator(Class<?> type) {
        return Stream.of(type.getDeclaredConstructors()).anyMatch(c -> c.isAnnotationPresent(JsonbCreator.class))
                || Stream.of(type.getDeclaredMethods()).anyMatch(m -> Modifier.isStatic(m.getModifiers())
                && m.isAnnotationPresent(JsonbCreator.class));
    }

    private static boolean hasNoArgConstructor(Class<?> type) {
        for (Constructor<?> constructor : type.getDeclaredConstructors()) {
            int modifiers = constructor.getModifiers();
            if (constructor.getParameterCount() == 0 && (Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers))) {
                return true;
            }
        }
        return false;
    }
}
