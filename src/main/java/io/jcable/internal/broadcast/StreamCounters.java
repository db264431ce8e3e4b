package io.jcable.internal.broadcast;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/** Sizes of the stream registry, kept by the lanes and readable from any thread. */
final class StreamCounters {
    final AtomicInteger subscriptions = new AtomicInteger();
    final LongAdder broadcasts = new LongAdder();
    final LongAdder refused = new LongAdder();
    /** Frames handed to subscribers' connections. */
    final LongAdder deliveries = new LongAdder();
    /** How many lanes have subscribers of each stream: a stream is counted once however many do. */
    private final Map<String, Integer> lanesByStream = new ConcurrentHashMap<>();

    void streamAdded(String stream) {
        lanesByStream.merge(stream, 1, Integer::sum);
    }

    void streamRemoved(String stream) {
        lanesByStream.computeIfPresent(stream, (name, lanes) -> lanes == 1 ? null : lanes - 1);
    }

    int streams() {
        return lanesByStream.size();
    }
}
