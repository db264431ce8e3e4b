package io.jcable.internal.server;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CommandBudgetTest {

    private static final long MS = 1_000_000L;

    @Test
    void aBurstUpToTheRateIsAllowedAndOneMoreIsNot() {
        CommandBudget budget = new CommandBudget(10, 0);
        for (int i = 0; i < 10; i++) {
            assertTrue(budget.take(0), "command " + (i + 1));
        }
        assertFalse(budget.take(0));
    }

    @Test
    void refillsAtTheRateAndNeverHoldsMoreThanOneSecond() {
        CommandBudget budget = new CommandBudget(10, 0);
        for (int i = 0; i < 10; i++) {
            budget.take(0);
        }
        assertFalse(budget.take(99 * MS));  // 0.99 of a command back
        assertTrue(budget.take(101 * MS));  // one command back after 100 ms
        assertFalse(budget.take(101 * MS));

        long later = 60_000 * MS; // a minute idle still gives one second's worth, no more
        for (int i = 0; i < 10; i++) {
            assertTrue(budget.take(later));
        }
        assertFalse(budget.take(later));
    }

    @Test
    void aSteadyClientAtTheRateIsNeverRefused() {
        CommandBudget budget = new CommandBudget(100, 0);
        for (long t = 0; t < 10_000; t += 10) {
            assertTrue(budget.take(t * MS), "at " + t + " ms");
        }
    }
}
