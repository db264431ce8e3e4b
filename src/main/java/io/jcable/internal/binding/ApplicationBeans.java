package io.jcable.internal.binding;

import io.jcable.channel.ChannelExceptionHandler;
import io.jcable.channel.ConnectionHandler;
import io.jcable.channel.ConnectionRejected;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The application's beans that JCable calls: its channels (a fresh instance per subscription) and
 * its connection handler. Made from the {@link Bean}s the extension recorded, not looked up by type:
 * on Payara a bean archive in WEB-INF/lib cannot see the beans of WEB-INF/classes.
 */
@ApplicationScoped
public class ApplicationBeans {

    /** The handler of an application that has none, which the deployment allows only with JCable's JWT on: a client without a token is refused. */
    private static final ConnectionHandler ONLY_JWT = request -> {
        throw new ConnectionRejected("no AnyCable token (jcable.jwt.*), and the application has no ConnectionHandler");
    };

    /** A channel bean made for one subscription; {@link #destroy()} runs its {@code @PreDestroy}. */
    public interface ChannelInstance {
        Object get();

        void destroy();
    }

    @Inject
    CableExtension extension;

    @Inject
    BeanManager beans;

    private volatile ConnectionHandler connectionHandler;
    private final Map<Bean<?>, ChannelExceptionHandler<?>> exceptionHandlers = new ConcurrentHashMap<>();

    public Optional<ChannelDefinition> channel(String name) {
        return Optional.ofNullable(extension.channels().get(name));
    }

    /** The application's own channels (JCable's built-in ones not counted). */
    public int channelCount() {
        return (int) extension.channels().values().stream().filter(channel -> !CableExtension.isBuiltIn(channel.beanClass())).count();
    }

    /** A new instance of the channel's bean, with its own creational context. */
    public ChannelInstance create(ChannelDefinition definition) {
        return instance(extension.channelBean(definition.beanClass()));
    }

    /**
     * The application's connection handler: its client proxy when it has a normal scope, one
     * instance for the application's life when it is {@code @Dependent}.
     */
    public ConnectionHandler connectionHandler() {
        ConnectionHandler handler = connectionHandler;
        if (handler == null) {
            Bean<?> bean = extension.connectionHandlerBean();
            handler = bean == null ? ONLY_JWT
                    : (ConnectionHandler) beans.getReference(bean, ConnectionHandler.class, beans.createCreationalContext(bean));
            connectionHandler = handler;
        }
        return handler;
    }

    /**
     * The application's {@link ChannelExceptionHandler} whose type is closest to {@code exception}'s
     * class, or null; its client proxy, or one instance for the application's life when {@code @Dependent}.
     */
    @SuppressWarnings("unchecked") // its type fits the exception: ExceptionTypes.closest picked it so
    public ChannelExceptionHandler<Throwable> exceptionHandler(Throwable exception) {
        Bean<?> bean = ExceptionTypes.closest(extension.exceptionHandlerBeans(), exception.getClass());
        return bean == null ? null : (ChannelExceptionHandler<Throwable>) exceptionHandlers.computeIfAbsent(bean,
                b -> (ChannelExceptionHandler<?>) beans.getReference(b, handlerType(b), beans.createCreationalContext(b)));
    }

    /** {@code ChannelExceptionHandler<E>} as the bean has it: a reference is asked for by one of its bean types. */
    private static Type handlerType(Bean<?> bean) {
        return bean.getTypes().stream()
                .filter(type -> type instanceof ParameterizedType generic && generic.getRawType() == ChannelExceptionHandler.class)
                .findFirst().orElseThrow();
    }

    private <T> ChannelInstance instance(Bean<T> bean) {
        CreationalContext<T> context = beans.createCreationalContext(bean);
        T instance = bean.create(context);
        return new ChannelInstance() {
            @Override
            public Object get() {
                return instance;
            }

            @Override
            public void destroy() {
                bean.destroy(instance, context);
            }
        };
    }
}
