package io.jcable.internal.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class SequencerTest {

    private final Sequencer sequencer = new Sequencer(1000);

    private Sequencer.Position next(String stream, long now) {
        return sequencer.next(stream, now, name -> Optional.empty());
    }

    @Test
    void aTermGoesOnFromThePositionTheBrokerKeptForAStream() {
        sequencer.newTerm();
        Sequencer.Position next = sequencer.next("kept", 0, name -> Optional.of(new Sequencer.Position("E", 41)));
        assertEquals(new Sequencer.Position("E", 42), next, "a sequencer taking over from a dead one continues its epoch");
        assertEquals(new Sequencer.Position("E", 43), sequencer.next("kept", 0, name -> {
            throw new AssertionError("asked once per term");
        }));
    }

    @Test
    void eachStreamCountsFromOneUnderItsOwnEpoch() {
        Sequencer.Position a1 = next("a", 0);
        Sequencer.Position a2 = next("a", 0);
        Sequencer.Position b1 = next("b", 0);
        assertEquals(1, a1.offset());
        assertEquals(2, a2.offset());
        assertEquals(a1.epoch(), a2.epoch());
        assertEquals(1, b1.offset());
        assertNotEquals(a1.epoch(), b1.epoch());
    }

    @Test
    void aNewTermNeverReusesAnEpoch() {
        Sequencer.Position before = next("a", 0);
        sequencer.newTerm();
        Sequencer.Position after = next("a", 0);
        assertEquals(1, after.offset());
        assertNotEquals(before.epoch(), after.epoch(), "the same offset under another epoch: an old position is refused");
    }

    @Test
    void anIdleStreamIsForgottenAndBeginsAgainUnderANewEpoch() {
        Sequencer.Position first = next("idle", 0);
        next("busy", 1500);
        assertEquals(1, sequencer.streams(), "the idle one was dropped");
        Sequencer.Position again = next("idle", 1600);
        assertEquals(1, again.offset());
        assertNotEquals(first.epoch(), again.epoch());
    }

    @Test
    void aResentBroadcastIsNotPositionedTwice() {
        assertTrue(sequencer.firstTime("node-a", 1));
        assertTrue(sequencer.firstTime("node-a", 2));
        assertFalse(sequencer.firstTime("node-a", 2));
    }
}
