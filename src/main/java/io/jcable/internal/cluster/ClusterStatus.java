package io.jcable.internal.cluster;

/**
 * The cluster bridge's state, for the health check and operators: whether it is on, whether each
 * direction of the link is up, and its counts since start.
 *
 * @param on          whether a cluster is configured
 * @param publishing  whether this node's broadcasts reach the broker
 * @param listening   whether the other nodes' broadcasts reach this node
 * @param sequencing  whether this node's sequencer is connected (it positions broadcasts when the broker
 *                    made its consumer the exclusive one)
 * @param hearing     whether this node's own heartbeats come back through the broker (false: connected,
 *                    but deaf: nothing from the cluster reaches it, presence of other nodes is stale)
 * @param published   broadcasts and disconnects the broker took
 * @param waiting     accepted, not yet published: the broker is slow or away, or the link has just come back
 * @param unpublished lost: the backlog was full, or the node stopped while the broker was away
 * @param delivered   messages from other nodes delivered here
 * @param skipped     messages on the topic that no JCable node sent, or malformed
 */
public record ClusterStatus(boolean on, boolean publishing, boolean listening, boolean sequencing, boolean hearing,
        long published, long waiting,
        long unpublished, long delivered, long skipped) {

    static final ClusterStatus OFF = new ClusterStatus(false, false, false, false, false, 0, 0, 0, 0, 0);

    /** Every direction up: what this node publishes reaches the others positioned, and theirs reach it. */
    public boolean connected() {
        return on && publishing && listening && sequencing;
    }

    /** Connected, and its own heartbeats come back: what it sends is positioned and what others send reaches it. */
    public boolean healthy() {
        return connected() && hearing;
    }

    /** {@code off}, {@code connected}, {@code deaf} (connected, but its heartbeats do not come back) or {@code reconnecting}. */
    public String name() {
        return !on ? "off" : healthy() ? "connected" : connected() ? "deaf" : "reconnecting";
    }

    /** The same, hearing or not. */
    ClusterStatus hearing(boolean heard) {
        return new ClusterStatus(on, publishing, listening, sequencing, heard, published, waiting, unpublished, delivered, skipped);
    }

    /** The name, each direction and the counts, e.g. {@code connected publishing=up listening=up published=3 ...}. */
    @Override
    public String toString() {
        if (!on) {
            return name();
        }
        return name() + " publishing=" + (publishing ? "up" : "down") + " listening=" + (listening ? "up" : "down")
                + " sequencing=" + (sequencing ? "up" : "down") + " hearing=" + (hearing ? "yes" : "no")
                + " published=" + published + " waiting=" + waiting + " unpublished=" + unpublished
                + " delivered=" + delivered + " skipped=" + skipped;
    }
}
