package io.jcable.internal.binding;

import java.util.List;
import java.util.Map;

/**
 * A {@code @Channel} class as the server uses it.
 *
 * @param name         the channel's name on the wire
 * @param beanClass    the bean class, one instance per subscription
 * @param subscribed   the {@code @Subscribed} callback, or null
 * @param unsubscribed the {@code @Unsubscribed} callback, or null
 * @param actions      action name to method
 * @param rescues      its error handlers ({@code @Rescue}), by the exception type each handles
 * @param timers       its {@code @Periodically} methods
 */
public record ChannelDefinition(String name, Class<?> beanClass, ChannelMethod subscribed,
                                ChannelMethod unsubscribed, Map<String, ChannelMethod> actions,
                                Map<Class<? extends Throwable>, ChannelMethod> rescues, List<Timer> timers) {

    /** A {@code @Periodically} method and its period. */
    public record Timer(ChannelMethod method, long periodMillis) {
    }

    public ChannelDefinition {
        actions = Map.copyOf(actions);
        rescues = Map.copyOf(rescues);
        timers = List.copyOf(timers);
    }

    /** The handler of the channel's whose type is closest to {@code exception}'s class, or null. */
    public ChannelMethod rescueFor(Throwable exception) {
        return ExceptionTypes.closest(rescues, exception.getClass());
    }
}
