package io.jcable.channel;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A channel method that handles what the channel's own {@link Subscribed}, {@link Action} and
 * {@link Unsubscribed} methods throw (Rails' {@code rescue_from}). The exception it handles is its one
 * parameter of a {@code Throwable} type; the others are bound as for callbacks ({@link Subscription},
 * {@link Identity}, {@link Param @Param}). Of the channel's handlers that fit, the one whose type is
 * closest to the exception's runs; a channel without one falls back to the application's
 * {@link ChannelExceptionHandler}s, and then to one log line.
 *
 * <p>A handler may {@link Subscription#transmit transmit} to the subscriber, {@link Subscription#reject
 * reject} (in {@code @Subscribed}: a subscription whose error was handled is confirmed otherwise) or
 * {@link Subscription#disconnect disconnect} the client. What a handler throws is logged, and nothing
 * more.
 *
 * <pre>{@code
 * @Rescue
 * void notFound(NoSuchElementException e, Subscription subscription) {
 *     subscription.transmit(Map.of("error", "no such room"));
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Rescue {
}
