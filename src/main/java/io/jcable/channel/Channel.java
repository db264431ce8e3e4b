package io.jcable.channel;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Stereotype;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a CDI bean as an ActionCable channel. Each subscription gets a fresh instance, destroyed
 * (its {@code @PreDestroy} runs) when the subscription ends.
 *
 * <pre>{@code
 * @Channel("ChatChannel")
 * public class ChatChannel {
 *     @Subscribed
 *     void subscribed(Subscription subscription, @Param("room") String room) {
 *         subscription.streamFrom("chat_" + room);
 *     }
 * }
 * }</pre>
 *
 * A stereotype, so that the bean is discovered in the default ({@code annotated}) discovery mode.
 */
@Stereotype
@Dependent
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Channel {

    /** The name clients put in the identifier's {@code channel}; the simple class name when empty. */
    String value() default "";
}
