package io.jcable.internal.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StreamHistoryTest {

    private final StreamHistory history = new StreamHistory(3, 1000);
    private final List<String> positions = new ArrayList<>();

    private void append(String stream, String payload, long now) {
        history.append(stream, payload, now, (epoch, offset) -> positions.add(epoch + "/" + offset));
    }

    private static List<Long> offsets(StreamHistory.Replay replay) {
        return replay.entries().stream().map(StreamHistory.Entry::offset).toList();
    }

    @Test
    void offsetsGrowByOnePerStreamUnderOneEpoch() {
        append("a", "1", 0);
        append("a", "2", 0);
        append("b", "1", 0);
        String epochA = positions.get(0).split("/")[0];
        assertEquals(List.of(epochA + "/1", epochA + "/2"), positions.subList(0, 2));
        assertTrue(positions.get(2).endsWith("/1"));
        assertNotEquals(epochA, positions.get(2).split("/")[0], "each stream its own epoch");
    }

    @Test
    void replaysWhatCameAfterAnOffsetAndRefusesWhatItCannotVouchFor() {
        for (int i = 1; i <= 5; i++) {
            append("a", String.valueOf(i), 0);
        }
        String epoch = positions.get(0).split("/")[0];
        assertEquals(List.of(4L, 5L), offsets(history.after("a", epoch, 3, 0)));
        assertEquals(List.of(3L, 4L, 5L), offsets(history.after("a", epoch, 2, 0)), "2 is the oldest position still answerable");
        assertTrue(history.after("a", epoch, 1, 0).rejected(), "offset 2 was evicted: no partial history");
        assertTrue(history.after("a", epoch, 6, 0).rejected(), "an offset from the future");
        assertTrue(history.after("a", "other", 3, 0).rejected(), "another epoch");
        assertTrue(history.after("nothing-kept", epoch, 0, 0).rejected());
        assertEquals(List.of(), offsets(history.after("a", epoch, 5, 0)), "up to date: nothing to send, not a refusal");
    }

    @Test
    void entriesExpireAndSinceGivesWhatIsStillKept() {
        append("a", "1", 0);
        append("a", "2", 500);
        assertEquals(List.of(2L), offsets(history.since("a", 400, 900)));
        assertEquals(List.of(2L), offsets(history.since("a", 0, 1200)), "the first expired at 1000");
        String epoch = positions.get(0).split("/")[0];
        assertTrue(history.after("a", epoch, 0, 1200).rejected(), "offset 1 expired");
        assertFalse(history.after("a", epoch, 1, 1200).rejected());
    }

    @Test
    void aStreamBegunAgainAfterItsHistoryExpiredHasANewEpoch() {
        StreamHistory sweeping = new StreamHistory(3, 10);
        List<String> seen = new ArrayList<>();
        sweeping.append("a", "1", 0, (epoch, offset) -> seen.add(epoch + "/" + offset));
        for (int i = 0; i < 5000; i++) { // past a sweep, long after "a" expired
            sweeping.append("s" + (i % 7), "x", 100, (epoch, offset) -> { });
        }
        sweeping.append("a", "2", 100, (epoch, offset) -> seen.add(epoch + "/" + offset));
        assertTrue(seen.get(1).endsWith("/1"), seen.toString());
        assertNotEquals(seen.get(0).split("/")[0], seen.get(1).split("/")[0], "an old position is refused, never misread");
        assertTrue(sweeping.after("a", seen.get(0).split("/")[0], 1, 100).rejected());
    }

    private void record(String stream, String epoch, long offset, long now) {
        history.record(stream, epoch, offset, "m" + offset, now, (e, o) -> positions.add(e + "/" + o));
    }

    @Test
    void sequencedPositionsAreKeptAsGivenAndAGapBeginsTheStreamAgain() {
        record("s", "E", 57, 0); // a node that joined late: its history starts where it came in
        record("s", "E", 58, 0);
        assertEquals(List.of("E/57", "E/58"), positions);
        assertTrue(history.after("s", "E", 55, 0).rejected(), "56 was never seen here");
        assertEquals(List.of(57L, 58L), offsets(history.after("s", "E", 56, 0)));

        record("s", "E", 61, 0); // 59 and 60 missed (the listener was away)
        assertTrue(history.after("s", "E", 58, 0).rejected(), "never a history with a hole");
        assertEquals(List.of(61L), offsets(history.after("s", "E", 60, 0)));

        record("s", "F", 1, 0); // a new sequencer
        assertTrue(history.after("s", "E", 61, 0).rejected(), "another epoch");
        assertEquals(List.of(1L), offsets(history.after("s", "F", 0, 0)));
    }

    @Test
    void aClientAheadOfThisNodeOnASequencedStreamHasNothingToCatchUpButIsNotRefused() {
        record("s", "E", 1, 0);
        StreamHistory.Replay ahead = history.after("s", "E", 3, 0);
        assertFalse(ahead.rejected(), "it saw 2 and 3 on another node; they reach this one a moment later");
        assertEquals(List.of(), ahead.entries());
        append("local", "x", 0);
        String epoch = positions.get(positions.size() - 1).split("/")[0];
        assertTrue(history.after("local", epoch, 2, 0).rejected(), "a node's own positions: ahead is impossible, refused");
    }

    @Test
    void aBroadcastPositionedHereOnASequencedStreamBeginsANewEpochNeverTheSequencersNextOffset() {
        record("s", "E", 7, 0);
        append("s", "here", 0); // the sequencer was out of reach
        String local = positions.get(positions.size() - 1);
        assertFalse(local.startsWith("E/"), local);
        assertTrue(local.endsWith("/1"), local);
        assertTrue(history.after("s", "E", 7, 0).rejected(), "E's history is no longer complete here");
    }
}
