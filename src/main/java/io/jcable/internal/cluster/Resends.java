package io.jcable.internal.cluster;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Drops what a node publishes twice. A node resends a message whose send failed when its link
 * broke; if the broker had in fact taken it before the failure, the copy arrives again with the
 * same sequence number. Each node numbers its messages from 1, in the order it publishes them, so
 * a number not above the last one seen from that node is a copy. Used by the listening thread only.
 */
final class Resends {

    /** Nodes get a new id at each start: remember the most recent ones, not every id ever seen. */
    private static final int NODES = 1024;

    private final Map<String, Long> lastSeen = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
            return size() > NODES;
        }
    };

    /** Whether the message numbered {@code sequence} from {@code origin} is new; a message without a number always is. */
    boolean firstTime(String origin, long sequence) {
        if (origin == null || sequence <= 0) {
            return true;
        }
        Long last = lastSeen.get(origin);
        if (last != null && sequence <= last) {
            return false;
        }
        lastSeen.put(origin, sequence);
        return true;
    }
}
