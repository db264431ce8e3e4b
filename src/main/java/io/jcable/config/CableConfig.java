package io.jcable.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;

/**
 * Every JCable option, with its default. Each option is read, first found wins, from: the
 * standalone runtime's builder; a system property ({@code -Djcable.path=/ws}); an environment
 * variable ({@code JCABLE_PATH=/ws}); {@code META-INF/jcable.properties} on the application's
 * class path (in a WAR: {@code WEB-INF/classes/META-INF/jcable.properties}).
 *
 * <table>
 * <caption>Options</caption>
 * <tr><th>option</th><th>default</th><th>meaning</th></tr>
 * <tr><td>{@code jcable.path}</td><td>{@value #DEFAULT_PATH}</td><td>the WebSocket endpoint's path</td></tr>
 * <tr><td>{@code jcable.allowed-origins}</td><td>unset: none</td><td>comma-separated origins whose pages may
 *     connect besides the application's own ({@code https://app.example:8443}); {@code *}: any site's
 *     pages (a warning at start says what that exposes). Requests without {@code Origin} (no browser)
 *     and from the request's own scheme, host and port are always admitted; any other origin gets
 *     403 before the upgrade (see {@link OriginPolicy})</td></tr>
 * <tr><td>{@code jcable.trust-forwarded-headers}</td><td>{@code false}</td><td>{@code true}: the request's own
 *     origin is what the proxy in front says in {@code X-Forwarded-Proto} and {@code X-Forwarded-Host}; set
 *     it only behind a proxy that sets both (clients can send them too)</td></tr>
 * <tr><td>{@code jcable.max-frame-size}</td><td>{@value #DEFAULT_MAX_FRAME_SIZE} (2 MiB)</td><td>largest incoming text message, in
 *     bytes; a larger one closes that connection with 1009</td></tr>
 * <tr><td>{@code jcable.outbound-queue}</td><td>{@value #DEFAULT_OUTBOUND_QUEUE}</td><td>frames queued for one connection; past it the
 *     client is too slow and is disconnected</td></tr>
 * <tr><td>{@code jcable.send-timeout}</td><td>{@value #DEFAULT_SEND_TIMEOUT}</td><td>milliseconds one frame may take to leave; a socket
 *     stalled longer is disconnected</td></tr>
 * <tr><td>{@code jcable.delivery-threads}</td><td>available processors</td><td>threads that fan broadcasts
 *     out: each subscriber belongs to one and every broadcast goes to all, so one stream's fan-out uses
 *     every core while each subscriber gets its broadcasts in order</td></tr>
 * <tr><td>{@code jcable.broadcast-backlog}</td><td>{@value #DEFAULT_BROADCAST_BACKLOG}</td><td>broadcasts accepted but not yet fanned out,
 *     per delivery thread; past it {@code broadcast} refuses with an exception</td></tr>
 * <tr><td>{@code jcable.broadcast-key}</td><td>unset: off</td><td>bearer key of the HTTP broadcast API;
 *     the API is served only when it is set</td></tr>
 * <tr><td>{@code jcable.broadcast-path}</td><td>{@code /_broadcast}</td><td>path of the HTTP broadcast API</td></tr>
 * <tr><td>{@code jcable.presence-path}</td><td>{@code /_presence}</td><td>path of the HTTP presence API
 *     ({@code GET <path>/<stream>}, with the broadcast key)</td></tr>
 * <tr><td>{@code jcable.health-path}</td><td>{@code /_health}</td><td>path of the health check (200 or 503)</td></tr>
 * <tr><td>{@code jcable.shutdown-grace}</td><td>{@value #DEFAULT_SHUTDOWN_GRACE}</td><td>milliseconds a stopping server gives clients to
 *     receive {@code server_restart}</td></tr>
 * <tr><td>{@code jcable.shutdown-delay}</td><td>{@code 0}</td><td>milliseconds a stopping server keeps serving after its
 *     health check has turned 503, so that a load balancer takes it out before its clients are told
 *     {@code server_restart}</td></tr>
 * <tr><td>{@code jcable.ping-interval}</td><td>{@value #DEFAULT_PING_INTERVAL}</td><td>seconds between two pings (and
 *     two checks for stalled sockets)</td></tr>
 * </table>
 * The limits on what one client may take ({@code jcable.max-*}) are in {@link Limits}, the cluster's
 * options ({@code jcable.cluster.*}) in {@link ClusterConfig}, the standalone runtime's TLS
 * ({@code jcable.tls.*}) in {@link TlsConfig}, AnyCable-style JWT identification ({@code jcable.jwt.*}) in
 * {@link JwtConfig}, Turbo Streams' signed stream names ({@code jcable.turbo.*}) in {@link TurboConfig}, AnyCable's
 * extended protocol ({@code jcable.session-ttl}, {@code jcable.history.*}) in {@link ExtendedProtocolConfig}.
 */
public record CableConfig(
        String path,
        OriginPolicy origins,
        int maxFrameSize,
        int outboundQueue,
        long sendTimeoutMillis,
        int deliveryThreads,
        int broadcastBacklog,
        Optional<String> broadcastKey,
        String broadcastPath,
        String presencePath,
        String healthPath,
        long shutdownGraceMillis,
        long shutdownDelayMillis,
        long pingIntervalSeconds,
        Limits limits,
        Optional<TlsConfig> tls,
        ClusterConfig cluster,
        Optional<JwtConfig> jwt,
        TurboConfig turbo,
        ExtendedProtocolConfig extended) {

    public static final String PROPERTIES = "META-INF/jcable.properties";
    public static final String DEFAULT_PATH = "/cable";
    public static final int DEFAULT_MAX_FRAME_SIZE = 2 * 1024 * 1024;
    public static final int DEFAULT_OUTBOUND_QUEUE = 1024;
    public static final int DEFAULT_SEND_TIMEOUT = 10_000;
    public static final int DEFAULT_BROADCAST_BACKLOG = 100_000;
    public static final int DEFAULT_SHUTDOWN_GRACE = 2_000;
    public static final int DEFAULT_PING_INTERVAL = 3;

    /** The options as the sources above give them. */
    public static CableConfig load() {
        return from(Map.of());
    }

    /** The options, with {@code explicit} (option name to value) taking precedence over every source. */
    public static CableConfig from(Map<String, String> explicit) {
        return from(explicit, Map.of());
    }

    /**
     * The same, with {@code defaults} (option name to value) taken only when no source gives the
     * option: an application's own defaults, which its operators may still override.
     */
    public static CableConfig from(Map<String, String> explicit, Map<String, String> defaults) {
        Function<String, String> sources = sources();
        return read(name -> {
            String value = explicit.get(name);
            if (value == null) {
                value = sources.apply(name);
            }
            return value != null ? value : defaults.get(name);
        });
    }

    /** One option as the sources above give it (the standalone builder's aside): e.g. {@code jcable.port} for {@code Main}. */
    public static Optional<String> setting(String name) {
        return Optional.ofNullable(sources().apply(name)).map(String::trim).filter(value -> !value.isEmpty());
    }

    /** System property, then environment variable, then {@value #PROPERTIES}. */
    private static Function<String, String> sources() {
        Properties file = classpathProperties();
        return name -> {
            String value = System.getProperty(name);
            if (value == null) {
                value = System.getenv(environmentName(name));
            }
            return value != null ? value : file.getProperty(name);
        };
    }

    /** The environment variable that gives {@code option}: {@code jcable.max-frame-size} is {@code JCABLE_MAX_FRAME_SIZE}. */
    public static String environmentName(String option) {
        return option.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    static CableConfig read(Function<String, String> source) {
        return read(new OptionReader(source));
    }

    /**
     * Every option JCable reads, with its default as the README's table writes it ({@value OptionReader#UNSET}
     * when it has none): what {@code ConfigurationTableTest} holds the README to.
     */
    static Map<String, String> documentedDefaults() {
        OptionReader options = new OptionReader(name -> null);
        read(options);
        return options.defaults();
    }

    private static CableConfig read(OptionReader options) {
        return new CableConfig(
                options.path("jcable.path", DEFAULT_PATH),
                OriginPolicy.read(options.text(OriginPolicy.ALLOWED_ORIGINS),
                        options.flag(OriginPolicy.TRUST_FORWARDED_HEADERS, false)),
                options.positiveInt("jcable.max-frame-size", DEFAULT_MAX_FRAME_SIZE),
                options.positiveInt("jcable.outbound-queue", DEFAULT_OUTBOUND_QUEUE),
                options.positiveInt("jcable.send-timeout", DEFAULT_SEND_TIMEOUT),
                options.positiveInt("jcable.delivery-threads", Runtime.getRuntime().availableProcessors(), "number of processors"),
                options.positiveInt("jcable.broadcast-backlog", DEFAULT_BROADCAST_BACKLOG),
                options.text("jcable.broadcast-key").filter(key -> !key.isBlank()),
                options.path("jcable.broadcast-path", "/_broadcast"),
                options.path("jcable.presence-path", "/_presence"),
                options.path("jcable.health-path", "/_health"),
                options.positiveInt("jcable.shutdown-grace", DEFAULT_SHUTDOWN_GRACE),
                options.nonNegativeLong("jcable.shutdown-delay", 0),
                options.positiveLong("jcable.ping-interval", DEFAULT_PING_INTERVAL),
                Limits.read(options),
                TlsConfig.read(options),
                ClusterConfig.read(options),
                JwtConfig.read(options),
                TurboConfig.read(options),
                ExtendedProtocolConfig.read(options));
    }

    private static Properties classpathProperties() {
        Properties properties = new Properties();
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        URL url = (loader != null ? loader : CableConfig.class.getClassLoader()).getResource(PROPERTIES);
        if (url != null) {
            try (InputStream in = url.openStream()) {
                properties.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + url, e);
            }
        }
        return properties;
    }

    /** The options as a map, for logging at start (the broadcast key is masked). */
    public Map<String, Object> describe() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("path", path);
        map.put("origins", origins);
        map.put("max-frame-size", maxFrameSize);
        map.put("outbound-queue", outboundQueue);
        map.put("send-timeout", sendTimeoutMillis);
        map.put("ping-interval", pingIntervalSeconds);
        map.put("delivery-threads", deliveryThreads);
        map.put("limits", limits);
        map.put("tls", tls.map(Object::toString).orElse("off"));
        map.put("broadcast-api", broadcastKey.isPresent() ? broadcastPath : "off");
        map.put("cluster", cluster.describe());
        map.put("jwt", jwt.map(Object::toString).orElse("off"));
        map.put("turbo", turbo);
        map.put("extended", extended);
        return map;
    }
}
