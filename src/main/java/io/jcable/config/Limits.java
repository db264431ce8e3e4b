package io.jcable.config;

/**
 * What one client, or one address, may take of a server. Past a limit the client gets a clear
 * answer (a rejected subscription, or a disconnect whose close frame names the option) and a log
 * line; nobody else notices.
 *
 * <table>
 * <caption>Limits</caption>
 * <tr><th>option</th><th>default</th><th>past it</th></tr>
 * <tr><td>{@code jcable.max-subscriptions}</td><td>{@value #DEFAULT_MAX_SUBSCRIPTIONS}</td><td>subscriptions of one connection: the next
 *     subscribe gets {@code reject_subscription}</td></tr>
 * <tr><td>{@code jcable.max-identifier-length}</td><td>{@value #DEFAULT_MAX_IDENTIFIER_LENGTH}</td><td>characters of a subscription identifier:
 *     the subscribe gets {@code reject_subscription}</td></tr>
 * <tr><td>{@code jcable.max-commands-per-second}</td><td>{@value #DEFAULT_MAX_COMMANDS_PER_SECOND}</td><td>commands of one connection per second,
 *     with bursts up to that many: {@code disconnect} ({@code invalid_request}, reconnect) and close 1008</td></tr>
 * <tr><td>{@code jcable.max-connections}</td><td>{@value #DEFAULT_MAX_CONNECTIONS}</td><td>open connections of this server: a new one
 *     gets {@code disconnect} ({@code invalid_request}, reconnect) and close 1013 (try again later)</td></tr>
 * <tr><td>{@code jcable.max-connections-per-address}</td><td>unset: no limit</td><td>the same, per remote
 *     address (behind a proxy every client has the proxy's address: leave it unset there)</td></tr>
 * </table>
 */
public record Limits(
        int maxSubscriptions,
        int maxIdentifierLength,
        int maxCommandsPerSecond,
        int maxConnections,
        int maxConnectionsPerAddress) {

    public static final int DEFAULT_MAX_SUBSCRIPTIONS = 256;
    public static final int DEFAULT_MAX_IDENTIFIER_LENGTH = 4096;
    public static final int DEFAULT_MAX_COMMANDS_PER_SECOND = 1000;
    public static final int DEFAULT_MAX_CONNECTIONS = 100_000;

    static Limits read(OptionReader options) {
        return new Limits(
                options.positiveInt("jcable.max-subscriptions", DEFAULT_MAX_SUBSCRIPTIONS),
                options.positiveInt("jcable.max-identifier-length", DEFAULT_MAX_IDENTIFIER_LENGTH),
                options.positiveInt("jcable.max-commands-per-second", DEFAULT_MAX_COMMANDS_PER_SECOND),
                options.positiveInt("jcable.max-connections", DEFAULT_MAX_CONNECTIONS),
                options.positiveInt("jcable.max-connections-per-address", Integer.MAX_VALUE, "unset"));
    }
}
