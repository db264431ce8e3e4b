package io.jcable.channel;

/**
 * Handles, for every channel, what channel methods throw, by exception type (as JAX-RS'
 * {@code ExceptionMapper}): a CDI bean of the application that implements it for {@code E}. Of the
 * handlers whose type fits, the closest to the exception's class runs; a channel's own {@link Rescue}
 * methods come first. Without any, the error is one log line.
 *
 * <pre>{@code
 * @ApplicationScoped
 * public class Forbidden implements ChannelExceptionHandler<SecurityException> {
 *     public void handle(SecurityException e, Subscription subscription) {
 *         subscription.disconnect(false);
 *     }
 * }
 * }</pre>
 *
 * @param <E> the exceptions it handles (and their subclasses)
 */
public interface ChannelExceptionHandler<E extends Throwable> {

    /** Handles {@code exception}, thrown by a method of the channel {@code subscription} belongs to. */
    void handle(E exception, Subscription subscription);
}
