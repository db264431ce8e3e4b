package io.jcable.internal.sse;

import io.jcable.config.CableConfig;
import io.jcable.internal.broadcast.StreamRegistry;
import io.jcable.internal.history.StreamHistory;
import io.jcable.internal.protocol.JsonReading;
import io.jcable.internal.threads.CableThreads;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.AsyncContext;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * The open event streams: admitted under {@code jcable.max-connections}, subscribed, caught up from
 * the history, sent a heartbeat every {@code jcable.ping-interval}, closed when the application stops.
 * The heartbeat's thread starts with the first stream.
 */
@ApplicationScoped
public class OpenEventStreams {

    /** What operators see (the MXBean). */
    public static final class Counters {
        final LongAdder opened = new LongAdder();
        final LongAdder dropped = new LongAdder();
        final AtomicInteger open = new AtomicInteger();

        public long opened() {
            return opened.sum();
        }

        /** Dropped for not reading. */
        public long dropped() {
            return dropped.sum();
        }

        public int open() {
            return open.get();
        }
    }

    @Inject
    CableConfig config;

    @Inject
    StreamRegistry streams;

    @Inject
    StreamHistory history;

    @Inject
    CableThreads threads;

    private final Set<EventStream> all = ConcurrentHashMap.newKeySet();
    private final Counters counters = new Counters();
    private ScheduledExecutorService heartbeat;

    public Counters counters() {
        return counters;
    }

    /** Takes a place for one more stream; false when {@code jcable.max-connections} are open. */
    boolean admit() {
        if (counters.open.incrementAndGet() > config.limits().maxConnections()) {
            counters.open.decrementAndGet();
            return false;
        }
        return true;
    }

    /**
     * Serves {@code stream} to the admitted request: subscribes, queues what the browser missed since
     * {@code lastEventId} (when the history still has all of it; otherwise it goes on from now), and
     * starts writing.
     */
    void open(String stream, AsyncContext async, String lastEventId) throws IOException {
        EventStream events = new EventStream(stream, async, this, config.outboundQueue());
        async.addListener(events);
        all.add(events);
        counters.opened.increment();
        startHeartbeat();
        streams.subscribe(stream, events); // held until the catch-up is queued
        ServerSentEvent.Position since = ServerSentEvent.position(lastEventId, stream);
        List<byte[]> catchUp = new ArrayList<>();
        long caughtUpTo = -1;
        if (since != null) {
            StreamHistory.Replay replay = history.after(stream, since.epoch(), since.offset(), System.currentTimeMillis());
            if (!replay.rejected()) {
                caughtUpTo = since.offset();
                for (StreamHistory.Entry entry : replay.entries()) {
                    catchUp.add(ServerSentEvent.event(ServerSentEvent.data(JsonReading.parse(entry.payloadJson())),
                            stream, replay.epoch(), entry.offset()));
                    caughtUpTo = entry.offset();
                }
            }
        }
        events.start(ServerSentEvent.opening(config.pingIntervalSeconds() * 1000), catchUp, caughtUpTo);
    }

    void closed(EventStream events) {
        if (all.remove(events)) {
            streams.unsubscribe(events.stream(), events);
            counters.open.decrementAndGet();
        }
    }

    private synchronized void startHeartbeat() {
        if (heartbeat == null) {
            heartbeat = Executors.newSingleThreadScheduledExecutor(threads.named("jcable-events"));
            long period = config.pingIntervalSeconds();
            heartbeat.scheduleAtFixedRate(() -> all.forEach(EventStream::heartbeat), period, period, TimeUnit.SECONDS);
        }
    }

    /** Ends every stream (browsers reconnect, to this node or another), then the heartbeat. */
    @PreDestroy
    synchronized void stop() {
        List.copyOf(all).forEach(EventStream::close);
        if (heartbeat != null) {
            heartbeat.shutdownNow();
        }
    }

    /** Closes every open stream now, as a stop does (for tests: browsers then reconnect with Last-Event-ID). */
    public void closeAll() {
        List.copyOf(all).forEach(EventStream::close);
    }
}
