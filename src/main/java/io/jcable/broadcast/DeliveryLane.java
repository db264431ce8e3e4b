package io.jcable.broadcast;

import io.jcable.protocol.Frames;
import io.jcable.protocol.WireFrame;
import java.lang.System.Logger.Level;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One delivery thread and the streams it owns. Every subscribe, unsubscribe and broadcast of a
 * stream runs on its lane, in the order it was submitted: so per-stream order holds for every
 * subscriber, and the stream state below needs no lock (only this lane's thread touches it).
 */
final class DeliveryLane {

    private static final System.Logger LOG = System.getLogger(DeliveryLane.class.getName());

    /** Subscribers of one stream, grouped by identifier so that each group's frame is built once. */
    private static final class Group {
        final String prefix;
        final Set<StreamSubscriber> subscribers = new LinkedHashSet<>();

        Group(String identifier) {
            prefix = Frames.messagePrefix(identifier);
        }
    }

    private final Map<String, Map<String, Group>> streams = new HashMap<>();
    private final ExecutorService thread;
    private final AtomicInteger pendingBroadcasts = new AtomicInteger();
    private final int backlog;
    private final StreamCounters counters;

    DeliveryLane(int index, int backlog, StreamCounters counters) {
        this.backlog = backlog;
        this.counters = counters;
        this.thread = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), task -> {
            Thread t = new Thread(task, "jcable-delivery-" + index);
            t.setDaemon(true);
            return t;
        });
    }

    void subscribe(String stream, StreamSubscriber subscriber) {
        thread.execute(() -> {
            Map<String, Group> groups = streams.computeIfAbsent(stream, name -> {
                counters.streams.incrementAndGet();
                return new LinkedHashMap<>();
            });
            if (groups.computeIfAbsent(subscriber.identifier(), Group::new).subscribers.add(subscriber)) {
                counters.subscriptions.incrementAndGet();
            }
        });
    }

    void unsubscribe(String stream, StreamSubscriber subscriber) {
        thread.execute(() -> {
            Map<String, Group> groups = streams.get(stream);
            Group group = groups == null ? null : groups.get(subscriber.identifier());
            if (group == null || !group.subscribers.remove(subscriber)) {
                return;
            }
            counters.subscriptions.decrementAndGet();
            if (group.subscribers.isEmpty()) {
                groups.remove(subscriber.identifier());
                if (groups.isEmpty()) {
                    streams.remove(stream);
                    counters.streams.decrementAndGet();
                }
            }
        });
    }

    /** Accepts a broadcast, or refuses it at once when this lane's backlog is full. */
    void publish(String stream, String payloadJson) {
        if (pendingBroadcasts.incrementAndGet() > backlog) {
            pendingBroadcasts.decrementAndGet();
            throw new IllegalStateException("JCable: broadcast to \"" + stream + "\" refused: " + backlog
                    + " broadcasts already wait for delivery (jcable.broadcast-backlog)");
        }
        thread.execute(() -> {
            pendingBroadcasts.decrementAndGet();
            deliver(stream, payloadJson);
        });
    }

    private void deliver(String stream, String payloadJson) {
        Map<String, Group> groups = streams.get(stream);
        if (groups == null) {
            return;
        }
        for (Group group : groups.values()) {
            WireFrame frame = WireFrame.of(group.prefix + payloadJson + '}');
            for (StreamSubscriber subscriber : group.subscribers) {
                try {
                    subscriber.deliver(frame);
                } catch (Throwable e) {
                    // One subscriber's failure must neither stop the others nor kill this lane's thread.
                    LOG.log(Level.ERROR, "delivery to a subscriber of \"" + stream + "\" failed", e);
                }
            }
        }
    }

    /** Runs {@code task} after everything submitted so far. */
    void after(Runnable task) {
        thread.execute(task);
    }

    void stop() {
        thread.shutdown();
        try {
            if (!thread.awaitTermination(5, TimeUnit.SECONDS)) {
                thread.shutdownNow();
            }
        } catch (InterruptedException e) {
            thread.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
