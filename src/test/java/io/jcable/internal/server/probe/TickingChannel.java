package io.jcable.internal.server.probe;

import io.jcable.channel.Action;
import io.jcable.channel.Channel;
import io.jcable.channel.Param;
import io.jcable.channel.Periodically;
import io.jcable.channel.Subscription;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A channel with a timer, for the tests: {@code {"channel":"TickingChannel","mode":...}} transmits
 * {@code {"tick":n,"inside":m}} every 100 ms ({@code m}: runs of this subscription's methods under way,
 * itself included); mode {@code slow} takes 250 ms per run, mode {@code quiet} transmits nothing.
 */
@Channel("TickingChannel")
public class TickingChannel {

    /** One run of the timer, or of the {@code inside} action (tick -1). */
    public record Tick(int tick, int inside) {
    }

    private final AtomicInteger inside = new AtomicInteger();
    private int ticks;

    @Periodically(value = 100, unit = TimeUnit.MILLISECONDS)
    void tick(Subscription subscription, @Param("mode") String mode) throws InterruptedException {
        int now = inside.incrementAndGet();
        try {
            if ("quiet".equals(mode)) {
                return;
            }
            if ("slow".equals(mode)) {
                Thread.sleep(250);
            }
            subscription.transmit(new Tick(++ticks, now));
        } finally {
            inside.decrementAndGet();
        }
    }

    @Action
    void inside(Subscription subscription) {
        subscription.transmit(new Tick(-1, inside.incrementAndGet()));
        inside.decrementAndGet();
    }
}
