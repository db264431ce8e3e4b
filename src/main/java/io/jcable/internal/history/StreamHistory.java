package io.jcable.internal.history;

import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Each stream's recent broadcasts, for AnyCable's extended protocol: a position per broadcast (the
 * stream's epoch and an offset that grows by one per broadcast on it) and the last {@code size}
 * broadcasts no older than {@code ttlMillis}, to replay to a client that missed them. Bounded: at most
 * {@code size} entries per stream, and a stream whose entries have all expired is dropped at the next
 * sweep. A stream's epoch is this node's start and the stream's own start on it: a stream dropped and
 * begun again counts offsets from 1 under a new epoch, so an old position is refused, never misread.
 */
public final class StreamHistory {

    /** One broadcast as kept. */
    public record Entry(long offset, long millis, String payloadJson) {
    }

    /**
     * What a replay request gets: the stream's epoch and the entries asked for, in order, or a refusal
     * (never a partial answer).
     */
    public record Replay(boolean rejected, String epoch, List<Entry> entries) {
        static final Replay REJECTED = new Replay(true, "", List.of());
        static final Replay NOTHING = new Replay(false, "", List.of());
    }

    private static final class Stream {
        final String epoch;
        /** Positions given by the cluster's sequencer: a client may be ahead of this node, never beside it. */
        final boolean sequenced;
        final ArrayDeque<Entry> entries = new ArrayDeque<>();
        long lastOffset;

        Stream(String epoch, long lastOffset, boolean sequenced) {
            this.epoch = epoch;
            this.sequenced = sequenced;
            this.lastOffset = lastOffset;
        }
    }

    /** Takes a broadcast's position while its stream is held. */
    @FunctionalInterface
    public interface Positioned {
        void publish(String epoch, long offset);
    }

    private static final int SWEEP_EVERY = 4096;

    private final int size;
    private final long ttlMillis;
    private final String nodeEpoch;
    private final AtomicLong streamsBegun = new AtomicLong();
    private final Map<String, Stream> streams = new ConcurrentHashMap<>();
    private long appendsSinceSweep; // under no lock: a missed count only moves a sweep

    public StreamHistory(int size, long ttlMillis) {
        this.size = size;
        this.ttlMillis = ttlMillis;
        byte[] random = new byte[6];
        new SecureRandom().nextBytes(random);
        this.nodeEpoch = HexFormat.of().formatHex(random);
    }

    /**
     * Records a broadcast and hands its position to {@code publish} while the stream is held, so that
     * the broadcasts of one stream are queued in the order of their offsets.
     */
    public void append(String stream, String payloadJson, long nowMillis, Positioned publish) {
        Stream kept;
        while (true) {
            // A stream the sequencer positioned begins again under an epoch of this node's own: never one of its offsets.
            kept = streams.compute(stream, (name, current) -> current != null && !current.sequenced ? current
                    : new Stream(nodeEpoch + "-" + streamsBegun.incrementAndGet(), 0, false));
            synchronized (kept) {
                if (streams.get(stream) != kept) {
                    continue; // swept away meanwhile: begin it again
                }
                long offset = ++kept.lastOffset;
                keep(kept, new Entry(offset, nowMillis, payloadJson), nowMillis);
                publish.publish(kept.epoch, offset);
                break;
            }
        }
        countForSweep(nowMillis);
    }

    private void keep(Stream kept, Entry entry, long nowMillis) {
        kept.entries.addLast(entry);
        while (kept.entries.size() > size) {
            kept.entries.removeFirst();
        }
        trim(kept, nowMillis);
    }

    private void countForSweep(long nowMillis) {
        if (++appendsSinceSweep >= SWEEP_EVERY) {
            appendsSinceSweep = 0;
            sweep(nowMillis);
        }
    }

    /**
     * Records a broadcast whose position was given elsewhere (the cluster's sequencer), and hands it to
     * {@code publish} while the stream is held. A position that does not follow the last one kept (another
     * epoch, or a gap: this node missed broadcasts, or joined late) begins the stream again from it, so
     * that a client is never answered with a history that has a hole.
     */
    public void record(String stream, String epoch, long offset, String payloadJson, long nowMillis, Positioned publish) {
        while (true) {
            Stream kept = streams.compute(stream, (name, current) ->
                    current != null && current.epoch.equals(epoch) ? current : new Stream(epoch, offset - 1, true));
            synchronized (kept) {
                if (streams.get(stream) != kept) {
                    continue; // swept away meanwhile
                }
                if (offset != kept.lastOffset + 1) {
                    kept.entries.clear(); // what came between was not seen here
                }
                kept.lastOffset = offset;
                keep(kept, new Entry(offset, nowMillis, payloadJson), nowMillis);
                publish.publish(epoch, offset);
                break;
            }
        }
        countForSweep(nowMillis);
    }

    /**
     * The broadcasts of {@code stream} after {@code offset}, when the client's {@code epoch} is ours and
     * every broadcast after it is still kept; else a refusal.
     */
    public Replay after(String stream, String clientEpoch, long offset, long nowMillis) {
        Stream kept = streams.get(stream);
        if (kept == null || !kept.epoch.equals(clientEpoch) || offset < 0) {
            return Replay.REJECTED; // nothing kept, or another epoch: we cannot vouch for what came after
        }
        synchronized (kept) {
            trim(kept, nowMillis);
            if (offset > kept.lastOffset) {
                // In a cluster the client may have seen, on another node, what reaches this one a moment later.
                return kept.sequenced ? new Replay(false, kept.epoch, List.of()) : Replay.REJECTED;
            }
            long oldest = kept.entries.isEmpty() ? kept.lastOffset + 1 : kept.entries.peekFirst().offset();
            if (offset + 1 < oldest) {
                return Replay.REJECTED; // some of what the client missed is gone
            }
            List<Entry> entries = new ArrayList<>();
            kept.entries.forEach(entry -> {
                if (entry.offset() > offset) {
                    entries.add(entry);
                }
            });
            return new Replay(false, kept.epoch, entries);
        }
    }

    /** The broadcasts of {@code stream} made at or after {@code sinceMillis} that are still kept. */
    public Replay since(String stream, long sinceMillis, long nowMillis) {
        Stream kept = streams.get(stream);
        if (kept == null) {
            return Replay.NOTHING;
        }
        synchronized (kept) {
            trim(kept, nowMillis);
            return new Replay(false, kept.epoch, kept.entries.stream().filter(entry -> entry.millis() >= sinceMillis).toList());
        }
    }

    /** Streams with something kept (for operators and tests). */
    public int streamCount() {
        return streams.size();
    }

    private void trim(Stream kept, long nowMillis) {
        while (!kept.entries.isEmpty() && kept.entries.peekFirst().millis() < nowMillis - ttlMillis) {
            kept.entries.removeFirst();
        }
    }

    /** Drops the streams whose history has expired; their offsets start again from a new stream. */
    private void sweep(long nowMillis) {
        streams.forEach((name, kept) -> {
            synchronized (kept) {
                trim(kept, nowMillis);
                if (kept.entries.isEmpty()) {
                    streams.remove(name, kept);
                }
            }
        });
    }
}
