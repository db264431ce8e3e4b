package io.jcable.internal.protocol;

/**
 * A command sent by an ActionCable client. The identifier is kept as the exact string the client
 * sent: ActionCable keys subscriptions by it, byte for byte.
 */
public sealed interface Command {

    /** The raw identifier string, as sent. */
    String identifier();

    /** {@code {"command":"subscribe","identifier":"..."}} */
    record Subscribe(String identifier) implements Command {}

    /** {@code {"command":"unsubscribe","identifier":"..."}} */
    record Unsubscribe(String identifier) implements Command {}

    /** {@code {"command":"message","identifier":"...","data":"<JSON text>"}}; data is still undecoded. */
    record Message(String identifier, String data) implements Command {}
}
