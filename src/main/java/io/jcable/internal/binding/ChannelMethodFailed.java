package io.jcable.internal.binding;

/** A channel method threw: the application's bug, logged with the cause's stack trace. */
public class ChannelMethodFailed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ChannelMethodFailed(String method, Throwable cause) {
        super(method + " threw " + cause, cause);
    }
}
