package io.jcable.internal.server.probe;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicInteger;

/** What {@link ProbeChannel} beans went through, for the tests to check their lifecycle. */
@ApplicationScoped
public class ProbeLog {

    // Reached through methods only: the channels see this bean through its client proxy.
    private final AtomicInteger created = new AtomicInteger();
    private final AtomicInteger destroyed = new AtomicInteger();
    private final AtomicInteger unsubscribed = new AtomicInteger();

    public void recordCreated() {
        created.incrementAndGet();
    }

    public void recordDestroyed() {
        destroyed.incrementAndGet();
    }

    public void recordUnsubscribed() {
        unsubscribed.incrementAndGet();
    }

    /** Channel beans alive right now. */
    public int live() {
        return created.get() - destroyed.get();
    }

    public int created() {
        return created.get();
    }

    public int destroyed() {
        return destroyed.get();
    }

    public int unsubscribed() {
        return unsubscribed.get();
    }
}
