package io.jcable.internal.protocol;

/** The reasons ActionCable's {@code disconnect} message carries (Rails 7.1's set, and AnyCable's). */
public enum DisconnectReason {
    /** The connection was refused by the application's connection handler. */
    UNAUTHORIZED("unauthorized", false),
    /** The client's token has expired (AnyCable's reason): it should get a new one, then connect again. */
    TOKEN_EXPIRED("token_expired", false),
    /** The request could not be served (e.g. the connection handler failed). */
    INVALID_REQUEST("invalid_request", false),
    /** The server is stopping; the client should come back. */
    SERVER_RESTART("server_restart", true),
    /** An extended-protocol client sent no pong for {@code jcable.pong-timeout} (AnyCable's reason). */
    NO_PONG("no_pong", true),
    /** The client did not read its frames fast enough (AnyCable's reason). */
    TOO_SLOW("too_slow", true),
    /** The application disconnected this user from the server side. */
    REMOTE("remote", false);

    private final String wireName;
    private final boolean keepsSession;

    DisconnectReason(String wireName, boolean keepsSession) {
        this.wireName = wireName;
        this.keepsSession = keepsSession;
    }

    /** Whether an extended-protocol client disconnected for this reason may restore its session. */
    public boolean keepsSession() {
        return keepsSession;
    }

    public String wireName() {
        return wireName;
    }
}
