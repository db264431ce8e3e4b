package io.jcable.channel;

/**
 * Thrown by {@link ConnectionHandler#connect} to refuse a connection, as ActionCable's
 * {@code reject_unauthorized_connection}. The message goes to the server's log only; the client
 * learns nothing but {@code unauthorized}.
 */
public class ConnectionRejected extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Rejects with a generic log line. */
    public ConnectionRejected() {
        this("connection rejected");
    }

    /** Rejects; {@code logMessage} says why, in the server's log (never to the client). */
    public ConnectionRejected(String logMessage) {
        super(logMessage, null, false, false);
    }
}
