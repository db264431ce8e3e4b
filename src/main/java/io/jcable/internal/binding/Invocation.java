package io.jcable.internal.binding;

import io.jcable.channel.Subscription;
import io.jcable.internal.protocol.MessageData;

/**
 * What one call of a channel method is made with.
 *
 * @param subscription the subscription the call is for
 * @param data         the message's data for an action; null for a callback
 * @param exception    what an error handler handles; null for any other method
 */
public record Invocation(Subscription subscription, MessageData data, Throwable exception) {

    public Invocation(Subscription subscription, MessageData data) {
        this(subscription, data, null);
    }
}
