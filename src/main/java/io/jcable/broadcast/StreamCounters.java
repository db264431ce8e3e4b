package io.jcable.broadcast;

import java.util.concurrent.atomic.AtomicInteger;

/** Sizes of the stream registry, kept by the lanes and readable from any thread. */
final class StreamCounters {
    final AtomicInteger streams = new AtomicInteger();
    final AtomicInteger subscriptions = new AtomicInteger();
}
