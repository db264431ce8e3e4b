package io.jcable.internal.broadcast;

import io.jcable.internal.protocol.Frames;
import io.jcable.internal.protocol.WireFrame;
import io.jcable.internal.threads.CableThreads;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One delivery thread and the subscribers it owns. A subscriber's subscribe and unsubscribe, and
 * every broadcast, run on its lane in the order they were submitted: so per-stream order holds for
 * every subscriber, and the stream state below needs no lock (only this lane's thread touches it).
 * Broadcasts to one stream waiting in a row are delivered together: each subscriber takes them in
 * one call, and its socket in one write where the runtime allows it. Under load the batches grow
 * and the cost per delivery falls; an idle lane delivers each broadcast alone, at once.
 */
final class DeliveryLane {

    private static final System.Logger LOG = System.getLogger(DeliveryLane.class.getName());
    private static final int BATCH = 64;
    private static final Object STOP = new Object();

    /**
     * Subscribers of one stream, grouped by identifier and by whether they want positions, so that
     * each group's frames are built once.
     */
    private static final class Group {
        final String identifier;
        final String prefix;
        final boolean positioned;
        final Set<StreamSubscriber> subscribers = new LinkedHashSet<>();

        Group(String identifier, boolean positioned) {
            this.identifier = identifier;
            this.prefix = Frames.messagePrefix(identifier);
            this.positioned = positioned;
        }
    }

    /** What a publish carries: a broadcast (positioned, kept), or a transient whisper or presence event. */
    enum Kind { BROADCAST, WHISPER, PRESENCE }

    /**
     * @param except        the subscriber a transient message must not reach (a whisper's sender), or null
     * @param excludeSocket the socket id whose subscribers a broadcast must not reach ("to others"), or null
     */
    private record Publish(String stream, String payloadJson, String epoch, long offset, Kind kind, StreamSubscriber except,
                           String excludeSocket) {
        /** The end of a positioned frame: built once per broadcast, for every positioned group. */
        String positionedEnd() {
            return Frames.positionedEnd(stream, epoch, offset);
        }
    }

    /** A subscriber's group key: its identifier, marked when it wants positions. */
    private static String groupKey(StreamSubscriber subscriber) {
        return subscriber.positioned() ? subscriber.identifier() + "\u0000positioned" : subscriber.identifier();
    }

    private final Map<String, Map<String, Group>> streams = new HashMap<>();
    private final BlockingQueue<Object> tasks = new LinkedBlockingQueue<>(); // a Publish, a Runnable or STOP
    private final Thread thread;
    private final AtomicInteger pendingBroadcasts = new AtomicInteger();
    private final int backlog;
    private final StreamCounters counters;

    DeliveryLane(int index, int backlog, StreamCounters counters, CableThreads threads) {
        this.backlog = backlog;
        this.counters = counters;
        this.thread = threads.start("jcable-delivery-" + index, this::run);
    }

    void subscribe(String stream, StreamSubscriber subscriber) {
        after(() -> {
            Map<String, Group> groups = streams.computeIfAbsent(stream, name -> {
                counters.streamAdded(name);
                return new LinkedHashMap<>();
            });
            if (groups.computeIfAbsent(groupKey(subscriber), key -> new Group(subscriber.identifier(), subscriber.positioned())).subscribers.add(subscriber)) {
                counters.subscriptions.incrementAndGet();
            }
        });
    }

    void unsubscribe(String stream, StreamSubscriber subscriber) {
        after(() -> {
            Map<String, Group> groups = streams.get(stream);
            Group group = groups == null ? null : groups.get(groupKey(subscriber));
            if (group == null || !group.subscribers.remove(subscriber)) {
                return;
            }
            counters.subscriptions.decrementAndGet();
            if (group.subscribers.isEmpty()) {
                groups.remove(groupKey(subscriber));
                if (groups.isEmpty()) {
                    streams.remove(stream);
                    counters.streamRemoved(stream);
                }
            }
        });
    }

    /** Refuses a broadcast at once when this lane's backlog is full. */
    void checkBacklog(String stream) {
        if (pendingBroadcasts.get() >= backlog) {
            throw new IllegalStateException("JCable: broadcast to \"" + stream + "\" refused: " + backlog
                    + " broadcasts already wait for delivery (jcable.broadcast-backlog)");
        }
    }

    /** Queues a broadcast for this lane's subscribers of {@code stream}. */
    void publish(String stream, String payloadJson, String epoch, long offset, String excludeSocket) {
        pendingBroadcasts.incrementAndGet();
        tasks.add(new Publish(stream, payloadJson, epoch, offset, Kind.BROADCAST, null, excludeSocket));
    }

    /** Queues a transient message (a whisper, a presence event): no position, never kept, maybe not for one subscriber. */
    void publishTransient(String stream, String payloadJson, Kind kind, StreamSubscriber except) {
        tasks.add(new Transient(new Publish(stream, payloadJson, null, 0, kind, except, null)));
    }

    /** A transient publish: delivered alone, outside the broadcasts' batches and backlog. */
    private record Transient(Publish publish) {
    }

    /** Runs {@code task} after everything submitted so far. */
    void after(Runnable task) {
        tasks.add(task);
    }

    /** Runs what was submitted so far (for up to 5 s), then ends the thread. */
    void stop() {
        tasks.add(STOP);
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        thread.interrupt();
    }

    private void run() {
        while (true) {
            Object task;
            try {
                task = tasks.take();
            } catch (InterruptedException e) {
                return;
            }
            if (task == STOP) {
                return;
            }
            try {
                if (task instanceof Publish first) {
                    deliver(first.stream(), publishesInARow(first));
                } else if (task instanceof Transient message) {
                    deliverTransient(message.publish());
                } else {
                    ((Runnable) task).run();
                }
            } catch (Throwable e) {
                // Nothing may end this thread early: its streams would fall silent for good.
                LOG.log(Level.ERROR, "delivery lane task failed", e);
            }
        }
    }

    /** {@code first} and the broadcasts to its stream queued right behind it. */
    private List<Publish> publishesInARow(Publish first) {
        List<Publish> publishes = new ArrayList<>();
        publishes.add(first);
        while (publishes.size() < BATCH && tasks.peek() instanceof Publish next && next.stream().equals(first.stream())) {
            tasks.poll(); // this thread is the only one that takes
            publishes.add(next);
        }
        pendingBroadcasts.addAndGet(-publishes.size());
        return publishes;
    }

    private void deliverTransient(Publish message) {
        Map<String, Group> groups = streams.get(message.stream());
        if (groups == null) {
            return;
        }
        for (Group group : groups.values()) {
            String prefix = message.kind() == Kind.PRESENCE ? Frames.presencePrefix(group.identifier) : group.prefix;
            List<WireFrame> frames = List.of(WireFrame.of(prefix + message.payloadJson() + '}'));
            for (StreamSubscriber subscriber : group.subscribers) {
                if (subscriber != message.except()) {
                    try {
                        subscriber.deliver(frames);
                    } catch (Throwable e) {
                        LOG.log(Level.ERROR, "delivery to a subscriber of \"" + message.stream() + "\" failed", e);
                    }
                }
            }
        }
    }

    private void deliver(String stream, List<Publish> publishes) {
        Map<String, Group> groups = streams.get(stream);
        if (groups == null) {
            return;
        }
        String[] positionedEnds = null;
        boolean excludes = false;
        for (Publish publish : publishes) {
            excludes |= publish.excludeSocket() != null;
        }
        for (Group group : groups.values()) {
            List<WireFrame> frames = new ArrayList<>(publishes.size());
            if (group.positioned && positionedEnds == null) {
                positionedEnds = publishes.stream().map(Publish::positionedEnd).toArray(String[]::new);
            }
            for (int i = 0; i < publishes.size(); i++) {
                String end = group.positioned ? positionedEnds[i] : "}";
                frames.add(WireFrame.of(group.prefix + publishes.get(i).payloadJson() + end));
            }
            counters.deliveries.add((long) frames.size() * group.subscribers.size());
            long[] offsets = group.positioned ? publishes.stream().mapToLong(Publish::offset).toArray() : null;
            String[] epochs = group.positioned ? publishes.stream().map(Publish::epoch).toArray(String[]::new) : null;
            for (StreamSubscriber subscriber : group.subscribers) {
                try {
                    if (excludes && excluded(publishes, subscriber.socketId())) {
                        deliverAllBut(subscriber, publishes, frames, stream, epochs, offsets);
                    } else if (offsets == null) {
                        subscriber.deliver(frames);
                    } else {
                        subscriber.deliver(frames, stream, epochs, offsets);
                    }
                } catch (Throwable e) {
                    // One subscriber's failure must neither stop the others nor kill this lane's thread.
                    LOG.log(Level.ERROR, "delivery to a subscriber of \"" + stream + "\" failed", e);
                }
            }
        }
    }

    private static boolean excluded(List<Publish> publishes, String socketId) {
        return socketId != null && publishes.stream().anyMatch(publish -> socketId.equals(publish.excludeSocket()));
    }

    /** The rare path: a subscriber whose own connection made some of these broadcasts "to others". */
    private static void deliverAllBut(StreamSubscriber subscriber, List<Publish> publishes, List<WireFrame> frames,
                                      String stream, String[] epochs, long[] offsets) {
        String socketId = subscriber.socketId();
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < publishes.size(); i++) {
            if (!socketId.equals(publishes.get(i).excludeSocket())) {
                kept.add(i);
            }
        }
        if (kept.isEmpty()) {
            return;
        }
        List<WireFrame> keptFrames = kept.stream().map(frames::get).toList();
        if (offsets == null) {
            subscriber.deliver(keptFrames);
        } else {
            subscriber.deliver(keptFrames, stream, kept.stream().map(i -> epochs[i]).toArray(String[]::new),
                    kept.stream().mapToLong(i -> offsets[i]).toArray());
        }
    }
}
