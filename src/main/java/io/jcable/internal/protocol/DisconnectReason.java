package io.jcable.internal.protocol;

/** The reasons ActionCable's {@code disconnect} message carries (Rails 7.1's set). */
public enum DisconnectReason {
    /** The connection was refused by the application's connection handler. */
    UNAUTHORIZED("unauthorized"),
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
