package io.jcable.channel;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A method clients may call with {@code perform(action, data)}. A {@code message} whose data names
 * no action calls the action named {@code receive}, as in ActionCable.
 *
 * <p>Parameters are bound by type: {@link Subscription}, {@link Identity}, {@link Param @Param},
 * and at most one payload parameter, bound from the message's data with JSON-B (a record or a
 * class with a no-arg constructor; {@code JsonObject} for the raw data).
 *
 * <pre>{@code
 * record Status(String status) {}
 *
 * @Action
 * void status(Subscription subscription, Status data) { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Action {

    /** The action's name on the wire; the method name when empty. */
    String value() default "";
}
