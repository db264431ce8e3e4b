package io.jcable.internal.binding;

import io.jcable.channel.Action;
import io.jcable.channel.Channel;
import io.jcable.channel.Identity;
import io.jcable.channel.Param;
import io.jcable.channel.Periodically;
import io.jcable.channel.Rescue;
import io.jcable.channel.Subscribed;
import io.jcable.channel.Subscription;
import io.jcable.channel.Unsubscribed;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads a {@code @Channel} class into a {@link ChannelDefinition}. Every mistake is added to
 * {@code problems} as a sentence naming the class and the method, so that one failed deployment
 * lists them all.
 */
public final class ChannelReader {

    private ChannelReader() {
    }

    /** The channel's name: the annotation's value, or the simple class name. */
    public static String channelName(Class<?> type) {
        Channel channel = type.getAnnotation(Channel.class);
        return channel == null || channel.value().isEmpty() ? type.getSimpleName() : channel.value();
    }

    public static ChannelDefinition read(Class<?> type, List<String> problems) {
        ChannelMethod subscribed = null;
        ChannelMethod unsubscribed = null;
        Map<String, ChannelMethod> actions = new LinkedHashMap<>();
        Map<Class<? extends Throwable>, ChannelMethod> rescues = new LinkedHashMap<>();
        List<ChannelDefinition.Timer> timers = new ArrayList<>();
        for (Method method : annotatedMethods(type)) {
            String description = describe(method);
            int roles = count(method, Subscribed.class) + count(method, Unsubscribed.class) + count(method, Action.class)
                    + count(method, Rescue.class) + count(method, Periodically.class);
            if (roles > 1) {
                problems.add(description + " has more than one of @Subscribed, @Unsubscribed, @Action, @Rescue and @Periodically");
                continue;
            }
            if (Modifier.isStatic(method.getModifiers())) {
                problems.add(description + " is static: channel methods run on the subscription's bean");
                continue;
            }
            boolean isAction = method.isAnnotationPresent(Action.class);
            if (method.isAnnotationPresent(Rescue.class)) {
                rescue(method, description, rescues, problems);
                continue;
            }
            if (method.isAnnotationPresent(Periodically.class)) {
                Periodically every = method.getAnnotation(Periodically.class);
                long millis = every.value() < 1 ? 0 : every.unit().toMillis(every.value());
                if (millis < 1) {
                    problems.add(description + ": @Periodically(" + every.value() + ", " + every.unit()
                            + ") is not a period: give at least 1 ms");
                    continue;
                }
                timers.add(new ChannelDefinition.Timer(bind(method, description, false, problems), millis));
                continue;
            }
            ChannelMethod bound = bind(method, description, isAction, problems);
            if (method.isAnnotationPresent(Subscribed.class)) {
                subscribed = single(subscribed, bound, "@Subscribed", type, problems);
            } else if (method.isAnnotationPresent(Unsubscribed.class)) {
                unsubscribed = single(unsubscribed, bound, "@Unsubscribed", type, problems);
            } else {
                String name = actionName(method);
                ChannelMethod previous = actions.putIfAbsent(name, bound);
                if (previous != null) {
                    problems.add(type.getName() + ": actions " + previous.description() + " and " + description
                            + " share the name \"" + name + "\"");
                }
            }
        }
        return new ChannelDefinition(channelName(type), type, subscribed, unsubscribed, actions, rescues, timers);
    }

    /** Reads an error handler: one parameter of a Throwable type, the others as a callback's. */
    private static void rescue(Method method, String description, Map<Class<? extends Throwable>, ChannelMethod> rescues,
                               List<String> problems) {
        List<Class<?>> handled = Stream.of(method.getParameterTypes()).filter(Throwable.class::isAssignableFrom).toList();
        if (handled.size() != 1) {
            problems.add(description + ": @Rescue methods take exactly one exception parameter, the exception they handle");
            return;
        }
        @SuppressWarnings("unchecked") // checked just above
        Class<? extends Throwable> exception = (Class<? extends Throwable>) handled.get(0);
        ChannelMethod bound = bind(method, description, false, problems);
        ChannelMethod previous = rescues.putIfAbsent(exception, bound);
        if (previous != null) {
            problems.add(method.getDeclaringClass().getName() + ": @Rescue methods " + previous.description() + " and "
                    + description + " both handle " + exception.getSimpleName());
        }
    }

    private static ChannelMethod single(ChannelMethod existing, ChannelMethod next, String role, Class<?> type,
                                        List<String> problems) {
        if (existing != null) {
            problems.add(type.getName() + " has two " + role + " methods: " + existing.description() + " and "
                    + next.description());
            return existing;
        }
        return next;
    }

    private static String actionName(Method method) {
        String name = method.getAnnotation(Action.class).value();
        return name.isEmpty() ? method.getName() : name;
    }

    private static ChannelMethod bind(Method method, String description, boolean isAction, List<String> problems) {
        List<ParameterBinder> binders = new ArrayList<>();
        Parameter payload = null;
        Parameter[] parameters = method.getParameters();
        for (int i = 0; i < parameters.length; i++) {
            Parameter parameter = parameters[i];
            Class<?> type = parameter.getType();
            Param param = parameter.getAnnotation(Param.class);
            String which = description + ": parameter " + (i + 1) + " (" + type.getSimpleName() + ") cannot be bound: ";
            if (param != null) {
                binders.add(new ParameterBinder.ParamArgument(param.value(), parameter.getParameterizedType(), type));
            } else if (type == Subscription.class) {
                binders.add(new ParameterBinder.SubscriptionArgument());
            } else if (type == Identity.class) {
                binders.add(new ParameterBinder.IdentityArgument());
            } else if (Throwable.class.isAssignableFrom(type) && method.isAnnotationPresent(Rescue.class)) {
                binders.add(new ParameterBinder.ExceptionArgument());
            } else if (!isAction) {
                problems.add(which + "callbacks take Subscription, Identity and @Param parameters"
                        + (method.isAnnotationPresent(Rescue.class) ? ", and the exception they handle" : ""));
            } else if (payload != null) {
                problems.add(which + "an action takes at most one payload parameter, and "
                        + payload.getType().getSimpleName() + " is already one");
            } else {
                payload = parameter;
                PayloadTypes.problem(type).ifPresent(problem -> problems.add(which + problem));
                binders.add(new ParameterBinder.PayloadArgument(parameter.getParameterizedType(), type, isValid(parameter)));
            }
        }
        method.setAccessible(true);
        return new ChannelMethod(method, description, List.copyOf(binders));
    }

    /** The channel's annotated methods, its superclasses' included; an overriding method hides the one it overrides. */
    private static List<Method> annotatedMethods(Class<?> type) {
        List<Method> methods = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Method method : c.getDeclaredMethods()) {
                boolean annotated = Stream.of(Subscribed.class, Unsubscribed.class, Action.class, Rescue.class, Periodically.class)
                        .anyMatch(method::isAnnotationPresent);
                if (!method.isSynthetic() && seen.add(signature(method)) && annotated) {
                    methods.add(method);
                }
            }
        }
        return methods;
    }

    /** By name: the validation API need not be on the class path of an application that does not use it. */
    private static boolean isValid(Parameter parameter) {
        return Stream.of(parameter.getAnnotations()).anyMatch(a -> a.annotationType().getName().equals("jakarta.validation.Valid"));
    }

    private static int count(Method method, Class<? extends Annotation> annotation) {
        return method.isAnnotationPresent(annotation) ? 1 : 0;
    }

    private static String signature(Method method) {
        return method.getName() + Stream.of(method.getParameterTypes()).map(Class::getName)
                .collect(Collectors.joining(",", "(", ")"));
    }

    /** {@code com.example.ChatChannel#status(Subscription, Status)} */
    public static String describe(Method method) {
        return method.getDeclaringClass().getName() + "#" + method.getName()
                + Stream.of(method.getParameterTypes()).map(Class::getSimpleName)
                .collect(Collectors.joining(", ", "(", ")"));
    }
}
