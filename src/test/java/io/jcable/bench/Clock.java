package io.jcable.bench;

/** Microseconds since the epoch, from the monotonic clock: exact within one generator, comparable across them. */
final class Clock {

    private static final long BASE = System.currentTimeMillis() * 1000 - System.nanoTime() / 1000;

    private Clock() {
    }

    static long micros() {
        return BASE + System.nanoTime() / 1000;
    }

    static long micros(long nanoTime) {
        return BASE + nanoTime / 1000;
    }
}
