package io.jcable.internal.cluster;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ResendsTest {

    private final Resends resends = new Resends();

    @Test
    void aCopyOfAMessageAlreadySeenFromTheSameNodeIsDropped() {
        assertTrue(resends.firstTime("node-a", 1));
        assertTrue(resends.firstTime("node-a", 2));
        assertFalse(resends.firstTime("node-a", 2), "the resend of a message the broker had taken");
        assertFalse(resends.firstTime("node-a", 1));
        assertTrue(resends.firstTime("node-a", 3));
    }

    @Test
    void eachNodeIsNumberedOnItsOwn() {
        assertTrue(resends.firstTime("node-a", 5));
        assertTrue(resends.firstTime("node-b", 1));
        assertTrue(resends.firstTime("node-b", 2));
        assertFalse(resends.firstTime("node-a", 5));
    }

    @Test
    void aMessageWithoutANumberOrOriginIsAlwaysNew() {
        assertTrue(resends.firstTime(null, 1));
        assertTrue(resends.firstTime(null, 1));
        assertTrue(resends.firstTime("node-a", 0));
        assertTrue(resends.firstTime("node-a", 0));
    }

    @Test
    void onlyTheMostRecentNodesAreRemembered() {
        assertTrue(resends.firstTime("node-0", 7));
        for (int i = 1; i <= 1024; i++) {
            assertTrue(resends.firstTime("node-" + i, 1));
        }
        assertTrue(resends.firstTime("node-0", 7), "forgotten after 1024 newer nodes: a restarted node has a new id anyway");
    }
}
