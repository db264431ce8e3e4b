package io.jcable.internal.broadcast;

import io.jcable.config.CableConfig;
import io.jcable.internal.history.StreamHistory;
import io.jcable.internal.threads.CableThreads;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Which subscriber listens to which stream, and the fan-out of broadcasts. Each subscriber belongs
 * to one delivery lane (by its hash) and every broadcast goes to every lane: one stream's fan-out
 * runs on all cores at once, while each subscriber sees its (un)subscriptions and the broadcasts in
 * the order they were made.
 */
@ApplicationScoped
public class StreamRegistry {

    @Inject
    CableConfig config;

    @Inject
    CableThreads threads;

    @Inject
    StreamHistory history;

    private final StreamCounters counters = new StreamCounters();
    // Publishers share it; stopAccepting() takes it alone, so no broadcast is half-published past the stop.
    private final ReadWriteLock accepting = new ReentrantReadWriteLock();
    private volatile boolean stopped;
    private volatile BroadcastOrdering ordering;
    private List<DeliveryLane> lanes;
    /** Told of each broadcast as it is accepted: the test kit's recorders. Empty otherwise, for one read per broadcast. */
    private final List<BiConsumer<String, String>> taps = new CopyOnWriteArrayList<>();

    @PostConstruct
    void start() {
        List<DeliveryLane> created = new ArrayList<>();
        for (int i = 0; i < config.deliveryThreads(); i++) {
            created.add(new DeliveryLane(i, config.broadcastBacklog(), counters, threads));
        }
        lanes = List.copyOf(created);
    }

    @PreDestroy
    void stop() {
        lanes.forEach(DeliveryLane::stop);
    }

    public void subscribe(String stream, StreamSubscriber subscriber) {
        lane(subscriber).subscribe(stream, subscriber);
    }

    public void unsubscribe(String stream, StreamSubscriber subscriber) {
        lane(subscriber).unsubscribe(stream, subscriber);
    }

    /**
     * Queues {@code payloadJson} for every subscriber of {@code stream}, after every earlier
     * operation on that stream.
     *
     * @throws IllegalStateException when the stream's lane has {@code jcable.broadcast-backlog} broadcasts waiting,
     *                               or the server is stopping
     */
    public void publish(String stream, String payloadJson) {
        publish(stream, payloadJson, null);
    }

    /** The same, for every subscriber but those of the connection whose socket id is {@code excludeSocket} (null: none). */
    public void publish(String stream, String payloadJson, String excludeSocket) {
        accepting.readLock().lock();
        try {
            if (stopped) {
                throw new IllegalStateException("JCable is stopping: broadcast to \"" + stream + "\" refused");
            }
            lanes.forEach(lane -> lane.checkBacklog(stream));
            counters.broadcasts.increment();
            if (!taps.isEmpty()) {
                taps.forEach(tap -> tap.accept(stream, payloadJson));
            }
            BroadcastOrdering sequencer = ordering;
            if (sequencer == null || !sequencer.take(stream, payloadJson, excludeSocket)) {
                deliverHere(stream, payloadJson, excludeSocket);
            }
        } catch (IllegalStateException e) {
            counters.refused.increment();
            throw e;
        } finally {
            accepting.readLock().unlock();
        }
    }

    /**
     * Positions a broadcast on this node and queues it, in the order of the positions: what every
     * broadcast gets without a cluster, and what a cluster node does while its sequencer is out of reach.
     */
    public void deliverHere(String stream, String payloadJson, String excludeSocket) {
        history.append(stream, payloadJson, System.currentTimeMillis(),
                (epoch, offset) -> lanes.forEach(lane -> lane.publish(stream, payloadJson, epoch, offset, excludeSocket)));
    }

    /**
     * Queues a broadcast whose position the cluster's sequencer gave, and keeps it in the history.
     *
     * @param fromAnotherNode counted as a broadcast here (this node's own were counted when accepted)
     * @throws IllegalStateException when a lane has {@code jcable.broadcast-backlog} broadcasts waiting
     */
    public void deliverPositioned(String stream, String payloadJson, String excludeSocket, String epoch, long offset,
                                  boolean fromAnotherNode) {
        lanes.forEach(lane -> lane.checkBacklog(stream));
        if (fromAnotherNode) {
            counters.broadcasts.increment();
        }
        history.record(stream, epoch, offset, payloadJson, System.currentTimeMillis(),
                (kept, at) -> lanes.forEach(lane -> lane.publish(stream, payloadJson, epoch, offset, excludeSocket)));
    }

    /** Keeps a broadcast this node delivered already under its own position at the position the sequencer gave it. */
    public void keepPositioned(String stream, String payloadJson, String epoch, long offset) {
        history.record(stream, epoch, offset, payloadJson, System.currentTimeMillis(), (kept, at) -> { });
    }

    /** Hands the ordering of this node's broadcasts to {@code sequencer} (null: back to this node). */
    public void orderThrough(BroadcastOrdering sequencer) {
        ordering = sequencer;
    }

    /**
     * Tells {@code tap} the stream and payload of every broadcast accepted from now on, on the
     * publisher's thread, until the returned action is run.
     */
    public Runnable tap(BiConsumer<String, String> tap) {
        taps.add(tap);
        return () -> taps.remove(tap);
    }

    /**
     * Queues a transient message for the subscribers of {@code stream} but {@code except}: a whisper
     * (a data frame) or a presence event (a presence frame). Neither is positioned nor kept.
     */
    public void publishTransient(String stream, String payloadJson, boolean presence, StreamSubscriber except) {
        DeliveryLane.Kind kind = presence ? DeliveryLane.Kind.PRESENCE : DeliveryLane.Kind.WHISPER;
        lanes.forEach(lane -> lane.publishTransient(stream, payloadJson, kind, except));
    }

    /**
     * Refuses every broadcast from now on (the server is stopping); when this returns, every broadcast
     * accepted before is queued on the lanes, so a {@link #drain} after it delivers them all.
     */
    public void stopAccepting() {
        accepting.writeLock().lock();
        try {
            stopped = true;
        } finally {
            accepting.writeLock().unlock();
        }
    }

    /** Waits until everything submitted before this call has been handed to the subscribers' sockets. */
    public boolean drain(Duration timeout) throws InterruptedException {
        BroadcastOrdering sequencer = ordering;
        if (sequencer != null) {
            sequencer.settle(timeout);
        }
        CountDownLatch done = new CountDownLatch(lanes.size());
        lanes.forEach(lane -> lane.after(done::countDown));
        return done.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Streams with at least one subscriber. */
    public int streamCount() {
        return counters.streams();
    }

    /** Stream subscriptions, summed over streams. */
    public int subscriptionCount() {
        return counters.subscriptions.get();
    }

    /** Broadcasts accepted since start (each counted once, however many subscribers it has). */
    public long broadcasts() {
        return counters.broadcasts.sum();
    }

    /** Broadcasts refused because the backlog was full. */
    public long broadcastsRefused() {
        return counters.refused.sum();
    }

    /** Frames handed to subscribers' connections since start. */
    public long deliveries() {
        return counters.deliveries.sum();
    }

    private DeliveryLane lane(StreamSubscriber subscriber) {
        return lanes.get(Math.floorMod(subscriber.hashCode(), lanes.size()));
    }
}
