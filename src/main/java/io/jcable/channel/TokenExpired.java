package io.jcable.channel;

/**
 * Thrown by {@link ConnectionHandler#connect} to refuse a connection whose token has expired. The
 * client gets {@code {"type":"disconnect","reason":"token_expired","reconnect":false}}, which
 * {@code @anycable/web}'s token refresher answers by fetching a new token and connecting again.
 */
public class TokenExpired extends ConnectionRejected {
    private static final long serialVersionUID = 1L;

    /** Refuses; {@code logMessage} says why, in the server's log (never to the client). */
    public TokenExpired(String logMessage) {
        super(logMessage);
    }
}
