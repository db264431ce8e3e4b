package io.jcable.channel;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The method that runs when a client subscribes, before the server answers. It may stream,
 * transmit (what it transmits reaches the client before {@code confirm_subscription}) or
 * {@linkplain Subscription#reject() reject}. Parameters: {@link Subscription}, {@link Identity},
 * {@link Param @Param}. At most one per channel.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Subscribed {
}
