package io.jcable.internal.monitoring;

/** JCable's counters (since start) and gauges (now), as JMX shows them. */
public interface CableMXBean {

    /** Open, identified connections. */
    int getConnections();

    /** Open sockets counted against jcable.max-connections, identified or not yet. */
    int getSockets();

    /** Subscriptions of all open connections. */
    int getSubscriptions();

    /** Streams with at least one subscriber. */
    int getStreams();

    long getBroadcastsAccepted();

    /** Broadcasts refused because the delivery backlog (jcable.broadcast-backlog) was full. */
    long getBroadcastsRefused();

    /** Frames handed to subscribers' connections. */
    long getDeliveries();

    long getConnectionsAdmitted();

    /** Sockets refused by jcable.max-connections or jcable.max-connections-per-address. */
    long getConnectionsRefused();

    /** Clients dropped for not reading: outbound queue full or socket stalled past jcable.send-timeout. */
    long getSlowClientsDropped();

    /** Of those, the ones whose outbound queue overflowed. */
    long getQueueOverflows();

    /** Clients disconnected for going over jcable.max-commands-per-second. */
    long getCommandFloods();

    /** Subscriptions rejected by jcable.max-subscriptions or jcable.max-identifier-length. */
    long getSubscriptionsOverLimit();

    /** Server-Sent Event streams of signed streams open now (jcable.turbo.events-path). */
    int getEventStreams();

    /** Event streams dropped for not reading: jcable.outbound-queue events waited. */
    long getEventStreamsDropped();

    /**
     * "off", or the cluster bridge's state, each direction and the counts
     * ("connected publishing=up listening=up sequencing=up hearing=yes published=... waiting=... unpublished=...", "reconnecting ...", "deaf ...": connected, but its own heartbeats do not come back through the broker).
     */
    String getCluster();

    /** Whether this server serves: not shutting down, and both directions of its cluster link (if any) up. */
    boolean isHealthy();
}
