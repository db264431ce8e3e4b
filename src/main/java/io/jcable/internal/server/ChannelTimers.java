package io.jcable.internal.server;

import io.jcable.internal.binding.ChannelDefinition;
import io.jcable.internal.threads.CableThreads;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Runs the channels' {@code @Periodically} methods: one scheduler for every subscription's timers (a
 * timer is a delayed task, not a thread), each run through the {@link Dispatcher} like an action, so
 * never at the same time as another method of its subscription. In an application server the
 * server's default managed scheduled executor runs them (application code gets the application's
 * context: naming, security, transactions); standalone, one thread of JCable's own. Made when the
 * first timer starts: an application without timers has no such thread.
 */
@ApplicationScoped
public class ChannelTimers {

    private static final String MANAGED = "java:comp/DefaultManagedScheduledExecutorService";

    @Inject
    CableThreads threads;

    @Inject
    Dispatcher dispatcher;

    private final AtomicInteger active = new AtomicInteger();
    private ScheduledExecutorService scheduler;
    private boolean owned;

    /** Starts the subscription's timers, if its channel has any; they stop with {@code release}. */
    void start(CableConnection connection, SubscriptionHandle subscription) {
        for (ChannelDefinition.Timer timer : subscription.definition().timers()) {
            long period = timer.periodMillis();
            active.incrementAndGet();
            subscription.timer(scheduler().scheduleWithFixedDelay(() -> dispatcher.tick(connection, subscription, timer.method()),
                    period, period, TimeUnit.MILLISECONDS), active::decrementAndGet);
        }
    }

    /** Runs {@code task} on the same executor (stream callbacks). */
    void execute(Runnable task) {
        scheduler().execute(task);
    }

    /** Timers running now (for operators and tests). */
    public int active() {
        return active.get();
    }

    private synchronized ScheduledExecutorService scheduler() {
        if (scheduler == null) {
            try {
                scheduler = (ScheduledExecutorService) new InitialContext().lookup(MANAGED);
            } catch (NamingException | RuntimeException e) {
                scheduler = Executors.newSingleThreadScheduledExecutor(threads.named("jcable-timers")); // standalone
                owned = true;
            }
        }
        return scheduler;
    }

    @PreDestroy
    synchronized void stop() {
        if (owned) {
            scheduler.shutdownNow(); // the server's own managed executor is the server's to stop
        }
    }
}
