package io.jcable.internal.binding;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import java.util.function.Consumer;

/**
 * Checks the payloads of actions that ask for it ({@code @Valid} on the payload parameter) with
 * Jakarta Bean Validation: the server's validator in a WAR, the class path's provider (Hibernate
 * Validator) standalone. The validation API is touched only once a {@code @Valid} payload arrives,
 * so an application without it runs without the API on its class path.
 */
@ApplicationScoped
public class PayloadValidator {

    @Inject
    BeanManager beans;

    /** A Consumer, not a BeanValidation: the field's type must not load the validation API. */
    private volatile Consumer<Object> validation;

    /**
     * @throws PayloadInvalid when the payload breaks a constraint
     */
    public void check(Object payload) {
        if (payload == null) {
            return; // an action without data: nothing to validate, as @Valid on a null reference
        }
        Consumer<Object> current = validation;
        if (current == null) {
            current = BeanValidation.find(beans);
            validation = current;
        }
        current.accept(payload);
    }
}
