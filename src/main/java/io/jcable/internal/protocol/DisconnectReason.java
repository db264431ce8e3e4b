package io.jcable.internal.protocol;

/** The reasons ActionCable's {@code disconnect} message carries (Rails 7.1's set, and AnyCable's). */
public enum DisconnectReason {
    /** The connection was refused by the application's connection handler. */
    UNAUTHORIZED("unauthorized"),
    /** The client's token has expired (AnyCable's reason): it should get a new one, then connect again. */
    TOKEN_EXPIRED("token_expired"),
    /** The request could not be served (e.g. the connection handler failed). */
    INVALID_REQUEST("invalid_request"),
    /** The server is stopping; the client should come back. */
    SERVER_RESTART("server_restart"),
    /** The application disconnected this user from the server side. */
    REMOTE("remote");

    private final String wireName;

    DisconnectReason(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
