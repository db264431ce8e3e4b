package io.jcable.internal.binding;

import io.jcable.channel.ConnectionHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * The application's beans that JCable calls: its channels (a fresh instance per subscription) and
 * its connection handler. Made from the {@link Bean}s the extension recorded, not looked up by type:
 * on Payara a bean archive in WEB-INF/lib cannot see the beans of WEB-INF/classes.
 */
@ApplicationScoped
public class ApplicationBeans {

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
            handler = (ConnectionHandler) beans.getReference(bean, ConnectionHandler.class, beans.createCreationalContext(bean));
            connectionHandler = handler;
        }
        return handler;
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
