package io.jcable.internal.cluster;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Gives the cluster's broadcasts their positions: the node whose consumer the broker made the
 * exclusive one on the sequence queue numbers each stream's broadcasts in the order the broker
 * handed them over. One term is one such consumer's life. Each term goes on from the last position the
 * broker keeps for a stream (written in the same transaction as the broadcasts it positioned), so a
 * sequencer that takes over from a dead one continues its epochs and offsets; a stream the broker no
 * longer knows (new, idle past its history, or a broker that lost its memory) begins under an epoch
 * named after this term, so an offset is never given twice under one epoch. Used by the sequencing
 * thread only.
 */
final class Sequencer {

    /** A broadcast's place: its stream's epoch and its offset there. */
    record Position(String epoch, long offset) {
    }

    private static final class Counter {
        final String epoch;
        long offset;
        long usedMillis;

        Counter(String epoch) {
            this.epoch = epoch;
        }
    }

    private final long idleMillis;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Counter> counters = new LinkedHashMap<>(16, 0.75f, true);
    private final Resends resends = new Resends();
    private String term;
    private long streamsBegun;

    /** @param idleMillis how long a stream's counter outlives its last broadcast (the history's time to live) */
    Sequencer(long idleMillis) {
        this.idleMillis = idleMillis;
        newTerm();
    }

    /** Forgets every count: the consumer this term belonged to is gone. */
    void newTerm() {
        byte[] bytes = new byte[6];
        random.nextBytes(bytes);
        term = HexFormat.of().formatHex(bytes);
        counters.clear();
        streamsBegun = 0;
    }

    /** Whether the broadcast numbered {@code sequence} by {@code origin} is new (a resend after a break is not). */
    boolean firstTime(String origin, long sequence) {
        return resends.firstTime(origin, sequence);
    }

    /** The next position on {@code stream}; {@code stored} gives the broker's last one for a stream this term has not counted yet. */
    Position next(String stream, long nowMillis, Function<String, Optional<Position>> stored) {
        forgetIdle(nowMillis);
        Counter counter = counters.get(stream);
        if (counter == null) {
            Optional<Position> last = stored.apply(stream);
            counter = new Counter(last.map(Position::epoch).orElseGet(() -> term + "-" + ++streamsBegun));
            counter.offset = last.map(Position::offset).orElse(0L);
            counters.put(stream, counter);
        }
        counter.usedMillis = nowMillis;
        return new Position(counter.epoch, ++counter.offset);
    }

    /** Streams counted now. */
    int streams() {
        return counters.size();
    }

    /** A stream idle for longer than its history lives begins again under a new epoch: memory stays bounded. */
    private void forgetIdle(long nowMillis) {
        Iterator<Counter> eldest = counters.values().iterator(); // least recently used first
        while (eldest.hasNext()) {
            if (eldest.next().usedMillis >= nowMillis - idleMillis) {
                break;
            }
            eldest.remove();
        }
    }
}
