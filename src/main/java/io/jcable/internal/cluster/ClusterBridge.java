package io.jcable.internal.cluster;

import io.jcable.broadcast.Disconnect;
import io.jcable.config.CableConfig;
import io.jcable.internal.broadcast.EncodedBroadcast;
import io.jcable.internal.broadcast.StreamRegistry;
import io.jcable.internal.server.ConnectionRegistry;
import io.jcable.internal.threads.CableThreads;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.util.UUID;

/**
 * Joins this node to the cluster when one is configured: local broadcasts and disconnects go out
 * once (after the commit, like local delivery), and what other nodes publish is delivered here as
 * if it had been broadcast here. Nothing in this class touches JMS types, so that an application
 * without JMS still deploys; {@link JmsLink} does, and exists only when the cluster is on.
 */
@ApplicationScoped
public class ClusterBridge {

    private static final System.Logger LOG = System.getLogger(ClusterBridge.class.getName());

    @Inject
    CableConfig config;

    @Inject
    StreamRegistry streams;

    @Inject
    ConnectionRegistry connections;

    @Inject
    CableThreads threads;

    private final String node = UUID.randomUUID().toString();
    private volatile JmsLink link;

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        if (!config.cluster().enabled() || link != null) {
            return;
        }
        LOG.log(Level.INFO, "cluster: node {0} joins through {1}", node, config.cluster().describe());
        link = JmsLink.open(config.cluster(), node, this::received, threads);
    }

    @PreDestroy
    void stop() {
        JmsLink stopping = link;
        link = null;
        if (stopping != null) {
            stopping.close();
        }
    }

    /** A local broadcast, already encoded, after the commit: it goes to the other nodes as is. */
    void published(@Observes EncodedBroadcast broadcast) {
        JmsLink current = link;
        if (current != null) {
            current.publish(new ClusterMessage.Published(broadcast.stream(), broadcast.payloadJson(),
                    broadcast.excludeSocket()));
        }
    }

    void disconnected(@Observes(during = TransactionPhase.AFTER_SUCCESS) Disconnect disconnect) {
        JmsLink current = link;
        if (current != null) {
            current.publish(new ClusterMessage.Disconnected(disconnect.identifiers(), disconnect.reconnect()));
        }
    }

    /** This node's id on the topic (a new one each start). */
    public String node() {
        return node;
    }

    /** Whether the bridge is on and either direction has lost its broker: broadcasts do not cross right now. */
    public boolean reconnecting() {
        ClusterStatus status = status();
        return status.on() && !status.connected();
    }

    /** The bridge's state: off, or each direction's link and the counts. */
    public ClusterStatus status() {
        JmsLink current = link;
        return current == null ? ClusterStatus.OFF : current.status();
    }

    /** The bridge's state as text, for operators and tests: see {@link ClusterStatus#toString()}. */
    public String state() {
        return status().toString();
    }

    /** What another node published: delivered here only (it never goes back out). */
    private void received(ClusterMessage message) {
        if (message instanceof ClusterMessage.Published published) {
            streams.publish(published.stream(), published.payloadJson(), published.excludeSocket());
        } else if (message instanceof ClusterMessage.Disconnected disconnected) {
            connections.disconnect(disconnected.identifiers(), disconnected.reconnect());
        }
    }
}
