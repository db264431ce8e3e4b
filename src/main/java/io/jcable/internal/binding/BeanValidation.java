package io.jcable.internal.binding;

import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.NoProviderFoundException;
import jakarta.validation.Validation;
import jakarta.validation.ValidationException;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.Set;
import java.util.function.Consumer;

/** The one class that touches the Bean Validation API (see {@link PayloadValidator}). */
final class BeanValidation implements Consumer<Object> {

    private final Validator validator;

    private BeanValidation(Validator validator) {
        this.validator = validator;
    }

    /** The container's validator when CDI offers one (WildFly, Payara), else the class path's provider. */
    static BeanValidation find(BeanManager beans) {
        Instance<Validator> offered = beans.createInstance().select(Validator.class);
        if (offered.isResolvable()) {
            return new BeanValidation(offered.get());
        }
        try {
            return new BeanValidation(Validation.buildDefaultValidatorFactory().getValidator());
        } catch (NoProviderFoundException e) {
            throw new IllegalStateException("an action's payload is @Valid, but no Bean Validation provider is on the"
                    + " class path: add org.hibernate.validator:hibernate-validator and org.glassfish.expressly:expressly", e);
        } catch (ValidationException e) {
            throw new IllegalStateException("Bean Validation could not start: " + e.getMessage(), e);
        }
    }

    @Override
    public void accept(Object payload) {
        Set<ConstraintViolation<Object>> violations = validator.validate(payload);
        if (!violations.isEmpty()) {
            throw new PayloadInvalid(violations.stream()
                    .map(v -> new PayloadInvalid.Violation(v.getPropertyPath().toString(), v.getMessage()))
                    .sorted(Comparator.comparing(PayloadInvalid.Violation::field).thenComparing(PayloadInvalid.Violation::message))
                    .toList());
        }
    }
}
