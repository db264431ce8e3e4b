package io.jcable.internal.server.probe;

import io.jcable.channel.ChannelExceptionHandler;
import io.jcable.channel.Subscription;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The test application's own exception handlers, for every channel: a {@code SecurityException}
 * disconnects the client for good; an {@code UnsupportedOperationException} is told to it.
 */
public final class ProbeExceptionHandlers {

    private ProbeExceptionHandlers() {
    }

    /** Disconnects, without reconnecting. */
    @ApplicationScoped
    public static class Forbidden implements ChannelExceptionHandler<SecurityException> {
        @Override
        public void handle(SecurityException exception, Subscription subscription) {
            subscription.disconnect(false);
        }
    }

    /** Tells the subscriber. */
    @ApplicationScoped
    public static class Unsupported implements ChannelExceptionHandler<UnsupportedOperationException> {
        @Override
        public void handle(UnsupportedOperationException exception, Subscription subscription) {
            subscription.transmit(new RescuingChannel.Rescued("the application", exception.getMessage()));
        }
    }
}
