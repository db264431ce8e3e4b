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
 * @param published   broadcasts and disconnects the broker took
 * @param waiting     accepted, not yet published: the broker is slow or away, or the link has just come back
 * @param unpublished lost: the backlog was full, or the node stopped while the broker was away
 * @param delivered   messages from other nodes delivered here
 * @param skipped     messages on the topic that no JCable node sent, or malformed
 */
public record ClusterStatus(boolean on, boolean publishing, boolean listening, boolean sequencing, long published, long waiting,
        long unpublished, long delivered, long skipped) {

    static final ClusterStatus OFF = new ClusterStatus(false, false, false, false, 0, 0, 0, 0, 0);

    /** Every direction up: what this node publishes reaches the others positioned, and theirs reach it. */
    public boolean connected() {
        return on && publishing && listening && sequencing;
    }

    /** {@code off}, {@code connected} or {@code reconnecting}. */
    public String name() {
        return !on ? "off" : connected() ? "connected" : "reconnecting";
    }

    /** The name, each direction and the counts, e.g. {@code connected publishing=up listening=up published=3 ...}. */
    @Override
    public String toString() {
        if (!on) {
            return name();
        }
        return name() + " publishing=" + (publishing ? "up" : "down") + " listening=" + (listening ? "up" : "down")
                + " sequencing=" + (sequencing ? "up" : "down")
                + " published=" + published + " waiting=" + waiting + " unpublished=" + unpublished
                + " delivered=" + delivered + " skipped=" + skipped;
    }
}
