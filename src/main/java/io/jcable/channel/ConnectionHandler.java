package io.jcable.channel;

/**
 * Identifies the user behind each new connection, as an ActionCable {@code Connection}'s
 * {@code connect}. Exactly one bean of an application implements it (the deployment fails
 * otherwise, naming the beans it found).
 *
 * <pre>{@code
 * @ApplicationScoped
 * public class TokenConnection implements ConnectionHandler {
 *     public Identity connect(CableRequest request) {
 *         String user = request.queryParameter("token").flatMap(tokens::verify)
 *                 .orElseThrow(ConnectionRejected::new);
 *         return Identity.of("current_user", user);
 *     }
 * }
 * }</pre>
 */
public interface ConnectionHandler {

    /**
     * Returns who is connecting, or throws {@link ConnectionRejected}: the client then gets
     * {@code {"type":"disconnect","reason":"unauthorized","reconnect":false}} and the socket closes.
     * Any other exception is logged and the client gets {@code invalid_request} (it may retry).
     */
    Identity connect(CableRequest request);

    /** Runs once the connection has closed and all its subscriptions have ended. */
    default void disconnect(Identity identity) {
    }
}
