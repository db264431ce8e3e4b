package io.jcable.config;

/**
 * What one client, or one address, may take of a server. Past a limit the client gets a clear
 * answer (a rejected subscription, or a disconnect whose close frame names the option) and a log
 * line; nobody else notices.
 *
 * <table>
 * <caption>Limits</caption>
 * <tr><th>option</th><th>default</th><th>past it</th></tr>
 * <tr><td>{@code jcable.max-subscriptions}</td><td>256</td><td>subscriptions of one connection: the next
 *     subscribe gets {@code reject_subscription}</td></tr>
 * <tr><td>{@code jcable.max-identifier-length}</td><td>4096</td><td>characters of a subscription identifier:
 *     the subscribe gets {@code reject_subscription}</td></tr>
 * <tr><td>{@code jcable.max-commands-per-second}</td><td>1000</td><td>commands of one connection per second,
 *     with bursts up to that many: {@code disconnect} ({@code invalid_request}, reconnect) and close 1008</td></tr>
 * <tr><td>{@code jcable.max-connections}</td><td>100000</td><td>open connections of this server: a new one
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

    /** Reads positive integers: an option's name and its default give its value. */
    interface Ints {
        int positive(String name, int fallback);
    }

    static Limits read(Ints ints) {
        return new Limits(
                ints.positive("jcable.max-subscriptions", 256),
                ints.positive("jcable.max-identifier-length", 4096),
                ints.positive("jcable.max-commands-per-second", 1000),
                ints.positive("jcable.max-connections", 100_000),
                ints.positive("jcable.max-connections-per-address", Integer.MAX_VALUE));
    }
}
