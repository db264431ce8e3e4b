package io.jcable.internal.binding;

import io.jcable.channel.Channel;
import io.jcable.channel.ChannelExceptionHandler;
import io.jcable.channel.ConnectionHandler;
import io.jcable.config.CableConfig;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.AnnotatedType;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.DefinitionException;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.ProcessBean;
import jakarta.enterprise.inject.spi.ProcessBeanAttributes;
import jakarta.enterprise.inject.spi.WithAnnotations;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Finds the application's {@code @Channel} beans and its {@link ConnectionHandler}, and fails the
 * deployment with one sentence per mistake: two channels with one name, two actions with one name,
 * a parameter that cannot be bound, a channel that is not {@code @Dependent}, no connection handler
 * or more than one.
 */
public class CableExtension implements Extension {

    private final Set<Class<?>> channelTypes = new LinkedHashSet<>();
    private final Map<Class<?>, Bean<?>> channelBeans = new LinkedHashMap<>();
    private final List<Bean<?>> connectionHandlers = new ArrayList<>();
    private final Map<Class<? extends Throwable>, Bean<?>> exceptionHandlers = new LinkedHashMap<>();
    private final List<String> problems = new ArrayList<>();
    private volatile Map<String, ChannelDefinition> channels = Map.of();

    <T> void collect(@Observes @WithAnnotations(Channel.class) ProcessAnnotatedType<T> event) {
        AnnotatedType<T> type = event.getAnnotatedType();
        // @WithAnnotations also matches a type whose members carry the annotation.
        if (type.isAnnotationPresent(Channel.class)) {
            channelTypes.add(type.getJavaClass());
        }
    }

    <T> void checkScope(@Observes ProcessBeanAttributes<T> event) {
        if (event.getAnnotated() instanceof AnnotatedType<?> type && channelTypes.contains(type.getJavaClass())
                && event.getBeanAttributes().getScope() != Dependent.class) {
            problems.add(type.getJavaClass().getName() + " is @" + event.getBeanAttributes().getScope().getSimpleName()
                    + ": a channel must be @Dependent, so that each subscription gets its own instance");
        }
    }

    /** Records the beans JCable will call: every archive's, whatever each archive may see of the others. */
    <T> void record(@Observes ProcessBean<T> event) {
        Bean<T> bean = event.getBean();
        if (channelTypes.contains(bean.getBeanClass()) && event.getAnnotated() instanceof AnnotatedType<?>) {
            channelBeans.put(bean.getBeanClass(), bean);
        }
        if (bean.getTypes().contains(ConnectionHandler.class)) {
            connectionHandlers.add(bean);
        }
        handledException(bean).ifPresent(type -> {
            Bean<?> other = exceptionHandlers.putIfAbsent(type, bean);
            if (other != null) {
                problems.add("both " + other.getBeanClass().getName() + " and " + bean.getBeanClass().getName()
                        + " are ChannelExceptionHandlers of " + type.getName() + ": keep one");
            }
        });
    }

    /** {@code E} of a bean that is a {@code ChannelExceptionHandler<E>}; a raw one is a mistake. */
    @SuppressWarnings("unchecked") // E extends Throwable, as the interface declares
    private Optional<Class<? extends Throwable>> handledException(Bean<?> bean) {
        for (Type type : bean.getTypes()) {
            if (type == ChannelExceptionHandler.class) {
                problems.add(bean.getBeanClass().getName() + " implements ChannelExceptionHandler without saying which"
                        + " exceptions it handles: implement ChannelExceptionHandler<SomeException>");
            } else if (type instanceof ParameterizedType generic && generic.getRawType() == ChannelExceptionHandler.class) {
                if (generic.getActualTypeArguments()[0] instanceof Class<?> handled) {
                    return Optional.of((Class<? extends Throwable>) handled);
                }
                problems.add(bean.getBeanClass().getName() + " handles " + generic.getActualTypeArguments()[0]
                        + ": a ChannelExceptionHandler names one exception class");
            }
        }
        return Optional.empty();
    }

    void validate(@Observes AfterDeploymentValidation event, BeanManager beans) {
        Map<String, ChannelDefinition> byName = new LinkedHashMap<>();
        // The application's channels first: a built-in one (Turbo::StreamsChannel, $pubsub) gives way to one of the same name.
        List<Class<?>> types = channelTypes.stream().sorted(Comparator.comparing(CableExtension::isBuiltIn)).toList();
        for (Class<?> type : types) {
            ChannelDefinition definition = ChannelReader.read(type, problems);
            ChannelDefinition other = byName.putIfAbsent(definition.name(), definition);
            if (other != null && !isBuiltIn(type)) {
                List<String> both = Stream.of(other.beanClass().getName(), type.getName()).sorted().toList();
                problems.add("channel name \"" + definition.name() + "\" is used by both " + both.get(0) + " and "
                        + both.get(1));
            }
        }
        checkConnectionHandler(connectionHandlers, jwtIdentifies(beans));
        problems.forEach(problem -> event.addDeploymentProblem(new DefinitionException("JCable: " + problem)));
        channels = Map.copyOf(byName);
    }

    /** Whether JCable's own JWT identification is on: then an application needs no connection handler. */
    private static boolean jwtIdentifies(BeanManager beans) {
        Instance<CableConfig> config = beans.createInstance().select(CableConfig.class);
        try {
            return config.isResolvable() && config.get().jwt().isPresent();
        } catch (RuntimeException e) {
            return false; // a bad option: its own error says so
        }
    }

    private void checkConnectionHandler(List<Bean<?>> handlers, boolean jwtIdentifies) {
        if (handlers.isEmpty() && !jwtIdentifies) {
            problems.add("no bean implements io.jcable.channel.ConnectionHandler: write one that identifies users"
                    + " (return Identity.anonymous() to accept everyone), or set jcable.jwt.secret");
        } else if (handlers.size() > 1) {
            problems.add("more than one bean implements io.jcable.channel.ConnectionHandler: " + handlers.stream()
                    .map(bean -> bean.getBeanClass().getName()).sorted().collect(Collectors.joining(", ")));
        }
    }

    /** JCable's own channels ({@code Turbo::StreamsChannel}, {@code $pubsub}). */
    static boolean isBuiltIn(Class<?> type) {
        return type.getPackageName().equals("io.jcable.internal.turbo");
    }

    /** The valid channels by name, once the deployment has been validated. */
    public Map<String, ChannelDefinition> channels() {
        return channels;
    }

    /** The bean of a channel class. */
    Bean<?> channelBean(Class<?> channelClass) {
        return channelBeans.get(channelClass);
    }

    /** The application's exception handlers, by the exception class each handles. */
    Map<Class<? extends Throwable>, Bean<?>> exceptionHandlerBeans() {
        return exceptionHandlers;
    }

    /** The application's one connection handler bean, or null when JWT identification stands in for it. */
    Bean<?> connectionHandlerBean() {
        return connectionHandlers.isEmpty() ? null : connectionHandlers.get(0);
    }
}
