package io.jcable.internal.binding;

import java.util.List;

/**
 * A payload that JSON-B could bind but Bean Validation refuses: the client's mistake, answered with
 * an error frame to that subscription alone.
 */
public class PayloadInvalid extends BindingException {
    private static final long serialVersionUID = 1L;

    /** One violated constraint: the payload's property path and the constraint's message. */
    public record Violation(String field, String message) {
    }

    private final transient List<Violation> violations;

    public PayloadInvalid(List<Violation> violations) {
        super("invalid data: " + String.join("; ", violations.stream().map(v -> v.field() + " " + v.message()).toList()));
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}
