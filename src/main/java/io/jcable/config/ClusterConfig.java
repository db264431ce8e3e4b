package io.jcable.config;

import java.util.Optional;

/**
 * The cluster's options: off unless {@code jcable.cluster.url} or {@code jcable.cluster.connection-factory}
 * is set.
 *
 * <table>
 * <caption>Cluster options</caption>
 * <tr><th>option</th><th>default</th><th>meaning</th></tr>
 * <tr><td>{@code jcable.cluster.url}</td><td>unset</td><td>an ActiveMQ Artemis broker, e.g.
 *     {@code tcp://broker:61616}, reached with JCable's own client (standalone, Payara Micro)</td></tr>
 * <tr><td>{@code jcable.cluster.connection-factory}</td><td>unset</td><td>the JNDI name of the server's JMS
 *     connection factory instead, e.g. {@code java:/jms/RemoteArtemisCF} (WildFly)</td></tr>
 * <tr><td>{@code jcable.cluster.topic}</td><td>{@code jcable}</td><td>the topic every node publishes to and
 *     listens on</td></tr>
 * <tr><td>{@code jcable.cluster.user}, {@code jcable.cluster.password}</td><td>unset</td><td>the broker's
 *     credentials; never logged (give the password in the environment, {@code JCABLE_CLUSTER_PASSWORD})</td></tr>
 * <tr><td>{@code jcable.cluster.retry-max}</td><td>5000</td><td>longest wait, in milliseconds, between two
 *     attempts to reach the broker (the wait doubles from 100 ms)</td></tr>
 * </table>
 */
public record ClusterConfig(
        Optional<String> url,
        Optional<String> connectionFactory,
        String topic,
        Optional<String> user,
        Optional<String> password,
        long retryMaxMillis) {

    static ClusterConfig read(OptionReader options) {
        ClusterConfig config = new ClusterConfig(
                options.nonEmpty("jcable.cluster.url"),
                options.nonEmpty("jcable.cluster.connection-factory"),
                options.text("jcable.cluster.topic", "jcable"),
                options.nonEmpty("jcable.cluster.user"),
                options.text("jcable.cluster.password"),
                options.positiveLong("jcable.cluster.retry-max", 5_000L));
        if (config.url.isPresent() && config.connectionFactory.isPresent()) {
            throw new IllegalArgumentException("set jcable.cluster.url or jcable.cluster.connection-factory, not both");
        }
        return config;
    }

    public boolean enabled() {
        return url.isPresent() || connectionFactory.isPresent();
    }

    /** Where the broker is, for the start-up log line: never the credentials. */
    public String describe() {
        if (!enabled()) {
            return "off";
        }
        return "topic " + topic + " via " + url.orElseGet(() -> connectionFactory.get());
    }
}
