package io.jcable.channel;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The method that runs when a confirmed subscription ends: an {@code unsubscribe} command or the
 * connection closing. Its streams stop right after it returns, so what it broadcasts to them still
 * reaches this subscriber too, as in ActionCable. Parameters as for {@link Subscribed}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Unsubscribed {
}
