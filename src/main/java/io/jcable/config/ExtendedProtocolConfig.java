package io.jcable.config;

/**
 * AnyCable's extended protocol ({@code actioncable-v1-ext-json}) and presence: how long sessions, stream
 * history and the presence of a closed connection are kept.
 *
 * <table>
 * <caption>Extended protocol options</caption>
 * <tr><th>option</th><th>default</th><th>meaning</th></tr>
 * <tr><td>{@code jcable.session-ttl}</td><td>{@value #DEFAULT_SESSION_TTL}</td><td>seconds a closed connection's
 *     session may be restored (its {@code sid})</td></tr>
 * <tr><td>{@code jcable.history.size}</td><td>{@value #DEFAULT_HISTORY_SIZE}</td><td>broadcasts kept per stream</td></tr>
 * <tr><td>{@code jcable.history.ttl}</td><td>{@value #DEFAULT_HISTORY_TTL}</td><td>seconds a broadcast is kept</td></tr>
 * <tr><td>{@code jcable.pong-timeout}</td><td>{@code 0}: off</td><td>seconds an extended-protocol client may stay
 *     without a {@code pong}; past it the client is disconnected with {@code no_pong} (it reconnects and
 *     restores its session)</td></tr>
 * <tr><td>{@code jcable.presence.max-records}</td><td>{@value #DEFAULT_PRESENCE_MAX_RECORDS}</td><td>presence ids kept per
 *     stream; a join past it gets a presence error frame</td></tr>
 * <tr><td>{@code jcable.presence.max-info}</td><td>{@value #DEFAULT_PRESENCE_MAX_INFO}</td><td>characters of one presence
 *     record's info (as JSON); a join with more gets a presence error frame</td></tr>
 * <tr><td>{@code jcable.presence.ttl}</td><td>{@value #DEFAULT_PRESENCE_TTL}</td><td>seconds a connection that closed
 *     without leaving stays present</td></tr>
 * </table>
 *
 * @param sessionTtlSeconds seconds a session may be restored
 * @param historySize       broadcasts kept per stream
 * @param historyTtlSeconds seconds a broadcast is kept
 * @param presenceTtlSeconds seconds a connection that closed without leaving stays present
 * @param pongTimeoutSeconds seconds a client may stay without a pong; 0: no limit
 * @param presenceMaxRecords presence ids kept per stream
 * @param presenceMaxInfo   characters of one record's info, as JSON
 */
public record ExtendedProtocolConfig(long sessionTtlSeconds, int historySize, long historyTtlSeconds, long presenceTtlSeconds,
                                     long pongTimeoutSeconds, int presenceMaxRecords, int presenceMaxInfo) {

    public static final int DEFAULT_SESSION_TTL = 300;
    public static final int DEFAULT_HISTORY_SIZE = 100;
    public static final int DEFAULT_HISTORY_TTL = 300;
    public static final int DEFAULT_PRESENCE_TTL = 15;
    public static final int DEFAULT_PRESENCE_MAX_RECORDS = 10_000;
    public static final int DEFAULT_PRESENCE_MAX_INFO = 4096;

    static ExtendedProtocolConfig read(OptionReader options) {
        return new ExtendedProtocolConfig(
                options.positiveLong("jcable.session-ttl", DEFAULT_SESSION_TTL),
                options.positiveInt("jcable.history.size", DEFAULT_HISTORY_SIZE),
                options.positiveLong("jcable.history.ttl", DEFAULT_HISTORY_TTL),
                options.positiveLong("jcable.presence.ttl", DEFAULT_PRESENCE_TTL),
                options.nonNegativeLong("jcable.pong-timeout", 0),
                options.positiveInt("jcable.presence.max-records", DEFAULT_PRESENCE_MAX_RECORDS),
                options.positiveInt("jcable.presence.max-info", DEFAULT_PRESENCE_MAX_INFO));
    }

    @Override
    public String toString() {
        return "sessions " + sessionTtlSeconds + " s, history " + historySize + " per stream for " + historyTtlSeconds
                + " s, presence " + presenceTtlSeconds + " s" + (pongTimeoutSeconds > 0 ? ", pong timeout " + pongTimeoutSeconds + " s" : "");
    }
}
