package io.jcable.internal.monitoring;

import io.jcable.internal.broadcast.StreamRegistry;
import io.jcable.internal.cluster.ClusterBridge;
import io.jcable.internal.cluster.ClusterStatus;
import io.jcable.internal.server.ConnectionRegistry;
import io.jcable.internal.sse.OpenEventStreams;
import io.jcable.internal.server.GracefulShutdown;
import io.jcable.internal.server.ServerCounters;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.lang.management.ManagementFactory;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.StandardMBean;

/**
 * The {@link CableMXBean} of this application, registered in the platform MBean server under
 * {@code io.jcable:type=Cable,name="<context path><cable path>"} in a WAR, {@code name="<host>:<port><cable
 * path>"} standalone, while the application runs.
 */
@ApplicationScoped
public class CableMonitor implements CableMXBean {

    private static final System.Logger LOG = System.getLogger(CableMonitor.class.getName());

    @Inject
    ConnectionRegistry connections;

    @Inject
    OpenEventStreams eventStreams;

    @Inject
    GracefulShutdown shutdown;

    @Inject
    StreamRegistry streams;

    @Inject
    ClusterBridge cluster;

    private ObjectName registered;

    /** Registers in JMX under {@code name}; a second application with the same name gets a numbered one. */
    public synchronized void register(String name) {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        for (int instance = 1; registered == null; instance++) {
            try {
                ObjectName candidate = new ObjectName("io.jcable:type=Cable,name="
                        + ObjectName.quote(instance == 1 ? name : name + " (" + instance + ")"));
                if (!server.isRegistered(candidate)) {
                    // A plain object, not this bean's client proxy: JMX must not see CDI's proxy class.
                    server.registerMBean(new StandardMBean(this, CableMXBean.class, true), candidate);
                    registered = candidate;
                }
            } catch (JMException e) {
                LOG.log(Level.WARNING, "JCable MBean not registered: {0}", e.toString());
                return;
            }
        }
        LOG.log(Level.INFO, "JCable counters are in JMX as {0}", registered);
    }

    /** The name this application's MBean has in JMX; null when it could not be registered. */
    public synchronized ObjectName objectName() {
        return registered;
    }

    @PreDestroy
    synchronized void unregister() {
        if (registered != null) {
            try {
                ManagementFactory.getPlatformMBeanServer().unregisterMBean(registered);
            } catch (JMException e) {
                LOG.log(Level.DEBUG, "JCable MBean already gone: {0}", e.toString());
            }
            registered = null;
        }
    }

    private ServerCounters counters() {
        return connections.counters();
    }

    @Override
    public int getConnections() {
        return connections.size();
    }

    @Override
    public int getSockets() {
        return connections.openSockets();
    }

    @Override
    public int getSubscriptions() {
        return connections.subscriptionCount();
    }

    @Override
    public int getStreams() {
        return streams.streamCount();
    }

    @Override
    public long getBroadcastsAccepted() {
        return streams.broadcasts();
    }

    @Override
    public long getBroadcastsRefused() {
        return streams.broadcastsRefused();
    }

    @Override
    public long getDeliveries() {
        return streams.deliveries();
    }

    @Override
    public long getConnectionsAdmitted() {
        return counters().admitted();
    }

    @Override
    public long getConnectionsRefused() {
        return counters().refused();
    }

    @Override
    public long getSlowClientsDropped() {
        return counters().slowClientsDropped();
    }

    @Override
    public long getQueueOverflows() {
        return counters().queueOverflows();
    }

    @Override
    public long getCommandFloods() {
        return counters().commandFloods();
    }

    @Override
    public long getSubscriptionsOverLimit() {
        return counters().subscriptionsOverLimit();
    }

    @Override
    public int getEventStreams() {
        return eventStreams.counters().open();
    }

    @Override
    public long getEventStreamsDropped() {
        return eventStreams.counters().dropped();
    }

    @Override
    public String getCluster() {
        return cluster.state();
    }

    /** The cluster bridge's state, typed, for the health check. */
    public ClusterStatus clusterStatus() {
        return cluster.status();
    }

    @Override
    public boolean isHealthy() {
        return !shutdown.isStopping() && !cluster.reconnecting();
    }
}
