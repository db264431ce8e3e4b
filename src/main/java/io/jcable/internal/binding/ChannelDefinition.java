package io.jcable.internal.binding;

import java.util.Map;

/**
 * A {@code @Channel} class as the server uses it.
 *
 * @param name         the channel's name on the wire
 * @param beanClass    the bean class, one instance per subscription
 * @param subscribed   the {@code @Subscribed} callback, or null
 * @param unsubscribed the {@code @Unsubscribed} callback, or null
 * @param actions      action name to method
 */
public record ChannelDefinition(String name, Class<?> beanClass, ChannelMethod subscribed,
                                ChannelMethod unsubscribed, Map<String, ChannelMethod> actions) {

    public ChannelDefinition {
        actions = Map.copyOf(actions);
    }
}
