package io.jcable.internal.binding;

/** A client's data that does not fit a method's parameters: the client's mistake, logged without a stack trace. */
public class BindingException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BindingException(String message) {
        super(message, null, false, false);
    }
}
