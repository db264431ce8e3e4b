package io.jcable.channel;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds a member of the subscription's identifier (ActionCable's {@code params[:name]}). A
 * {@code String} gets the text of a string or the literal of any other value; other types are bound
 * with JSON-B. A missing member binds {@code null}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface Param {

    /** The member's name in the identifier. */
    String value();
}
