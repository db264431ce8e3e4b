package io.jcable.channel;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.concurrent.TimeUnit;

/**
 * A channel method that runs every {@code value} {@code unit}s while its subscription lives (Rails'
 * {@code periodically}): first one period after the confirmation, then one period after the previous
 * run ended, so it never overlaps itself nor any other method of the subscription. It stops with the
 * subscription. Parameters as a callback's: {@link Subscription}, {@link Identity}, {@link Param @Param}.
 *
 * <pre>{@code
 * @Periodically(5)
 * void refresh(Subscription subscription) {
 *     subscription.transmit(board.scores());
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Periodically {

    /** The period, at least 1. */
    long value();

    /** The period's unit; seconds by default. */
    TimeUnit unit() default TimeUnit.SECONDS;
}
