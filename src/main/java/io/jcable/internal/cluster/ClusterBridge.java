package io.jcable.internal.cluster;

import io.jcable.broadcast.Disconnect;
import io.jcable.config.CableConfig;
import io.jcable.internal.broadcast.BroadcastOrdering;
import io.jcable.internal.broadcast.StreamRegistry;
import io.jcable.internal.broadcast.Whispered;
import io.jcable.internal.presence.PresenceAnnounced;
import io.jcable.internal.presence.PresenceRegistry;
import io.jcable.internal.server.WhispersAndPresence;
import io.jcable.internal.session.SessionStore;
import io.jcable.internal.session.SharedSessions;
import io.jcable.internal.server.ConnectionRegistry;
import io.jcable.internal.threads.CableThreads;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Joins this node to the cluster when one is configured. Every node's broadcasts are put in one order
 * by the cluster's sequencer (see {@link JmsLink}) and come back positioned: each node, this one
 * included, delivers them in that order under the same epoch and offset, so a client's position means
 * the same on every node. A broadcast of this node that does not come back within
 * {@value #ECHO_TIMEOUT_MILLIS} ms, or while the link is down, is delivered here under a position of
 * this node's own (its clients never wait for the broker); the others get it positioned once the link
 * is back. Sessions are kept on the broker too, so that a client restores on any node. Disconnects go
 * to every node as they are. Nothing in this class touches JMS types, so that an application without
 * JMS still deploys; {@link JmsLink} does, and exists only when the cluster is on.
 */
@ApplicationScoped
public class ClusterBridge implements BroadcastOrdering, SharedSessions {

    static final long ECHO_TIMEOUT_MILLIS = 2000;
    private static final long WATCH_MILLIS = 100;
    /** Every node sends a heartbeat through the sequencer this often; its peers and itself watch them come back. */
    static final long HEARTBEAT_MILLIS = 1000;
    /** A node whose heartbeats have not come back for this long: deaf if it is this one, gone if a peer. */
    static final long SILENT_MILLIS = 5000;

    /** A broadcast of this node on its way through the sequencer. */
    private record Pending(String stream, String payloadJson, String excludeSocket, long sentNanos) {
    }

    private static final System.Logger LOG = System.getLogger(ClusterBridge.class.getName());

    @Inject
    CableConfig config;

    @Inject
    StreamRegistry streams;

    @Inject
    ConnectionRegistry connections;

    @Inject
    CableThreads threads;

    @Inject
    SessionStore sessions;

    @Inject
    WhispersAndPresence presenceHere;

    @Inject
    PresenceRegistry presence;

    private final String node = UUID.randomUUID().toString();
    private volatile JmsLink link;
    private final Map<Long, Pending> inFlight = new TreeMap<>(); // by number, under itself
    private Thread watch;
    private final Map<String, Long> heard = new java.util.concurrent.ConcurrentHashMap<>(); // node -> nanoTime of its last heartbeat
    private volatile long connectedSince; // nanoTime; 0 while not connected
    private long lastHeartbeat;

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        if (!config.cluster().enabled() || link != null) {
            return;
        }
        LOG.log(Level.INFO, "cluster: node {0} joins through {1}", node, config.cluster().describe());
        link = JmsLink.open(config.cluster(), node, config.extended().historyTtlSeconds() * 1000, this::received,
                this::listening, threads);
        watch = threads.startManaged("jcable-cluster-watch", this::watchLoop);
        streams.orderThrough(this);
        sessions.share(this);
    }

    @PreDestroy
    void stop() {
        JmsLink stopping = link;
        link = null;
        if (stopping != null) {
            streams.orderThrough(null);
            sessions.share(null);
            watch.interrupt();
            deliverHere(Long.MAX_VALUE);
            stopping.close();
        }
    }

    /**
     * A broadcast accepted here, after the commit: to the sequencer, to come back positioned; or, when
     * the link cannot position it now, delivered here at once and sent on to be positioned for the others.
     */
    @Override
    public boolean take(String stream, String payloadJson, String excludeSocket) {
        JmsLink current = link;
        if (current == null) {
            return false;
        }
        if (!current.sequencing()) {
            current.publishSequenced(new ClusterMessage.Published(stream, payloadJson, excludeSocket, true), number -> { });
            return false;
        }
        Pending pending = new Pending(stream, payloadJson, excludeSocket, System.nanoTime());
        synchronized (inFlight) {
            long[] numbered = new long[1];
            if (current.publishSequenced(new ClusterMessage.Published(stream, payloadJson, excludeSocket, false), number -> {
                numbered[0] = number;
                inFlight.put(number, pending);
            })) {
                return true;
            }
            inFlight.remove(numbered[0]); // the backlog is full: counted unpublished, delivered here alone
            return false;
        }
    }

    /** Waits up to {@code timeout} for this node's broadcasts to come back, then delivers the rest here. */
    @Override
    public void settle(Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            synchronized (inFlight) {
                if (inFlight.isEmpty()) {
                    return;
                }
            }
            TimeUnit.MILLISECONDS.sleep(10);
        }
        deliverHere(Long.MAX_VALUE);
    }

    /** This node began or stopped holding a presence id: the others are told, and a node that starts later learns it. */
    void announced(@Observes PresenceAnnounced change) {
        JmsLink current = link;
        if (current != null) {
            current.publish(new ClusterMessage.PresenceChanged(change.stream(), change.id(), change.info(), node));
        }
    }

    void whispered(@Observes Whispered whisper) {
        JmsLink current = link;
        if (current != null) {
            current.publish(new ClusterMessage.Whispered(whisper.stream(), whisper.dataJson()));
        }
    }

    /** The listener is (back) on the topic: what this node holds is said again (a restarted broker forgot it). */
    private void listening() {
        JmsLink current = link;
        if (current != null) {
            for (PresenceRegistry.Held held : presence.heldHere()) {
                current.publish(new ClusterMessage.PresenceChanged(held.stream(), held.id(), held.info(), node));
            }
        }
    }

    @Override
    public void keep(String sid, String json, long ttlMillis) {
        JmsLink current = link;
        if (current != null) {
            current.publish(new ClusterMessage.SessionSaved(sid, json, ttlMillis));
        }
    }

    @Override
    public Optional<String> take(String sid) {
        JmsLink current = link;
        return current == null || !current.status().connected() ? Optional.empty() : current.takeSession(sid);
    }

    /** Delivers here what has waited too long for the sequencer, or everything while the link cannot position. */
    private void watchLoop() {
        while (link != null) {
            try {
                TimeUnit.MILLISECONDS.sleep(WATCH_MILLIS);
                JmsLink current = link;
                if (current != null) {
                    long now = System.nanoTime();
                    boolean connected = current.sequencing();
                    connectedSince = connected ? (connectedSince == 0 ? now : connectedSince) : 0;
                    deliverHere(connected ? now - TimeUnit.MILLISECONDS.toNanos(ECHO_TIMEOUT_MILLIS) : Long.MAX_VALUE);
                    if (connected && now - lastHeartbeat >= TimeUnit.MILLISECONDS.toNanos(HEARTBEAT_MILLIS)) {
                        lastHeartbeat = now;
                        current.publishSequenced(new ClusterMessage.Heartbeat(), number -> { });
                    }
                    boolean hearing = hearing(current.status(), now);
                    presence.stale(!hearing);
                    if (hearing) {
                        forgetSilentPeers(current, now);
                    }
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.log(Level.ERROR, "cluster: could not deliver a broadcast here", e);
            }
        }
    }

    /**
     * A peer silent for {@value #SILENT_MILLIS} ms and the presence TTL is gone (killed, cut off): the ids
     * only it held leave, here and, through the presence queue, for nodes that start later. Its clients
     * that came back elsewhere within that time are held there already, so nobody sees them leave.
     */
    private void forgetSilentPeers(JmsLink current, long now) {
        long gone = TimeUnit.MILLISECONDS.toNanos(SILENT_MILLIS) + TimeUnit.SECONDS.toNanos(config.extended().presenceTtlSeconds());
        heard.forEach((peer, at) -> {
            if (!peer.equals(node) && now - at > gone && heard.remove(peer, at)) {
                LOG.log(Level.INFO, "cluster: node {0} silent for {1,number,#} ms: gone", peer, TimeUnit.NANOSECONDS.toMillis(now - at));
                for (PresenceRegistry.Held held : presence.heldBy(peer)) {
                    current.publish(new ClusterMessage.PresenceChanged(held.stream(), held.id(), null, peer));
                }
                presenceHere.nodeGone(peer);
            }
        });
    }

    /** Delivers here, in order, this node's broadcasts sent before {@code sentBeforeNanos} that have not come back. */
    private void deliverHere(long sentBeforeNanos) {
        synchronized (inFlight) {
            Iterator<Pending> waiting = inFlight.values().iterator();
            while (waiting.hasNext()) {
                Pending pending = waiting.next();
                if (sentBeforeNanos != Long.MAX_VALUE && pending.sentNanos() >= sentBeforeNanos) {
                    break;
                }
                waiting.remove();
                streams.deliverHere(pending.stream(), pending.payloadJson(), pending.excludeSocket());
            }
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

    /** Whether the bridge is on and not healthy (a direction lost its broker, or it is deaf): broadcasts do not cross right now. */
    public boolean reconnecting() {
        ClusterStatus status = status();
        return status.on() && !status.healthy();
    }

    /** The bridge's state: off, or each direction's link, whether its heartbeats come back, and the counts. */
    public ClusterStatus status() {
        JmsLink current = link;
        if (current == null) {
            return ClusterStatus.OFF;
        }
        ClusterStatus status = current.status();
        return status.hearing(hearing(status, System.nanoTime()));
    }

    /** Deaf: connected for longer than {@value #SILENT_MILLIS} ms and none of its own heartbeats back for that long. */
    private boolean hearing(ClusterStatus status, long now) {
        long since = connectedSince;
        if (!status.connected() || since == 0) {
            return true; // reconnecting says it already
        }
        long silent = TimeUnit.MILLISECONDS.toNanos(SILENT_MILLIS);
        Long own = heard.get(node);
        return now - since < silent || (own != null && now - own < silent);
    }

    /** The nodes heard within {@value #SILENT_MILLIS} ms, this one included when its heartbeats come back. */
    public java.util.Set<String> nodesHeard() {
        long now = System.nanoTime();
        java.util.Set<String> alive = new java.util.TreeSet<>();
        heard.forEach((peer, at) -> {
            if (now - at < TimeUnit.MILLISECONDS.toNanos(SILENT_MILLIS)) {
                alive.add(peer);
            }
        });
        return alive;
    }

    /** The bridge's state as text, for operators and tests: see {@link ClusterStatus#toString()}. */
    public String state() {
        return status().toString();
    }

    /**
     * What came from the topic: a positioned broadcast of any node (this one's own included), delivered
     * here in that order; a disconnect from another node. Nothing goes back out.
     */
    private void received(JmsLink.Arrival arrival) {
        ClusterMessage message = arrival.message();
        boolean own = node.equals(arrival.origin());
        if (message instanceof ClusterMessage.Heartbeat) {
            if (arrival.origin() != null) {
                heard.put(arrival.origin(), System.nanoTime());
            }
            return;
        }
        if (message instanceof ClusterMessage.Published published) {
            if (arrival.epoch() == null) {
                if (!own) { // not positioned by a sequencer: a node of an earlier version
                    streams.deliverHere(published.stream(), published.payloadJson(), published.excludeSocket());
                }
                return;
            }
            synchronized (inFlight) {
                if (!own) {
                    streams.deliverPositioned(published.stream(), published.payloadJson(), published.excludeSocket(),
                            arrival.epoch(), arrival.offset(), true);
                    return;
                }
                deliverEarlier(arrival.sequence());
                Pending pending = inFlight.remove(arrival.sequence());
                if (pending != null) {
                    streams.deliverPositioned(published.stream(), published.payloadJson(), published.excludeSocket(),
                            arrival.epoch(), arrival.offset(), false);
                } else { // delivered here already, under a position of this node's own: only kept
                    streams.keepPositioned(published.stream(), published.payloadJson(), arrival.epoch(), arrival.offset());
                }
            }
        } else if (message instanceof ClusterMessage.PresenceChanged change && !node.equals(change.holder())) {
            heard.putIfAbsent(change.holder(), System.nanoTime()); // learnt from the queue: alive until it is silent
            if (change.info() != null) {
                presenceHere.remoteJoined(change.stream(), change.id(), change.info(), change.holder());
            } else {
                presenceHere.remoteLeft(change.stream(), change.id(), change.holder());
            }
        } else if (message instanceof ClusterMessage.Whispered whisper && !own) {
            presenceHere.remoteWhisper(whisper.stream(), whisper.dataJson());
        } else if (message instanceof ClusterMessage.Disconnected disconnected && !own) {
            connections.disconnect(disconnected.identifiers(), disconnected.reconnect());
        }
    }

    /** Before this node's broadcast {@code number} is delivered, those numbered before it that did not come back are, here. */
    private void deliverEarlier(long number) {
        Iterator<Map.Entry<Long, Pending>> waiting = inFlight.entrySet().iterator();
        while (waiting.hasNext()) {
            Map.Entry<Long, Pending> entry = waiting.next();
            if (entry.getKey() >= number) {
                return;
            }
            waiting.remove();
            streams.deliverHere(entry.getValue().stream(), entry.getValue().payloadJson(), entry.getValue().excludeSocket());
        }
    }
}
