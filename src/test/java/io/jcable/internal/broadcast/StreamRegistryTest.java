package io.jcable.internal.broadcast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jcable.config.CableConfig;
import io.jcable.internal.history.StreamHistory;
import io.jcable.internal.protocol.WireFrame;
import io.jcable.internal.threads.CableThreads;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StreamRegistryTest {

    /** Records the frames it is given. */
    record Recorder(String identifier, List<String> frames) implements StreamSubscriber {
        Recorder(String identifier) {
            this(identifier, new CopyOnWriteArrayList<>());
        }

        @Override
        public void deliver(List<WireFrame> delivered) {
            delivered.forEach(frame -> frames.add(frame.text()));
        }

        @Override
        public boolean equals(Object other) {
            return this == other;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }
    }

    private final StreamRegistry registry = registry(Map.of("jcable.delivery-threads", "2"));

    private static StreamRegistry registry(Map<String, String> options) {
        StreamRegistry registry = new StreamRegistry();
        registry.config = CableConfig.from(options);
        registry.threads = CableThreads.plain();
        registry.history = new StreamHistory(100, 300_000);
        registry.start();
        return registry;
    }

    @AfterEach
    void stop() {
        registry.stop();
    }

    private void drain() throws InterruptedException {
        assertTrue(registry.drain(Duration.ofSeconds(5)));
    }

    @Test
    void deliversToSubscribersOfTheStreamBuildingEachFrameOncePerIdentifierAndLane() throws InterruptedException {
        List<Recorder> readers = IntStream.range(0, 20).mapToObj(i -> new Recorder("{\"channel\":\"A\"}")).toList();
        Recorder other = new Recorder("{\"channel\":\"B\"}");
        readers.forEach(reader -> registry.subscribe("s", reader));
        registry.subscribe("t", other);
        registry.publish("s", "{\"n\":1}");
        drain();
        for (Recorder reader : readers) {
            assertEquals(List.of("{\"identifier\":\"{\\\"channel\\\":\\\"A\\\"}\",\"message\":{\"n\":1}}"), reader.frames());
        }
        long built = readers.stream().map(reader -> System.identityHashCode(reader.frames().get(0))).distinct().count();
        assertTrue(built <= 2, "one frame per identifier on each of the 2 lanes, not one per subscriber: " + built);
        assertEquals(List.of(), other.frames());
        assertEquals(2, registry.streamCount(), "a stream counts once, whichever lanes hold its subscribers");
        assertEquals(21, registry.subscriptionCount());
    }

    @Test
    void stopsDeliveringAfterUnsubscribeAndForgetsEmptyStreams() throws InterruptedException {
        Recorder a = new Recorder("x");
        registry.subscribe("s", a);
        registry.publish("s", "1");
        registry.unsubscribe("s", a);
        registry.publish("s", "2");
        drain();
        assertEquals(List.of("{\"identifier\":\"x\",\"message\":1}"), a.frames());
        assertEquals(0, registry.streamCount());
        assertEquals(0, registry.subscriptionCount());
    }

    @Test
    void keepsPerStreamOrderAcrossManyStreams() throws InterruptedException {
        List<Recorder> recorders = new ArrayList<>();
        for (int s = 0; s < 20; s++) {
            Recorder recorder = new Recorder("id");
            recorders.add(recorder);
            registry.subscribe("stream" + s, recorder);
        }
        for (int n = 0; n < 500; n++) {
            for (int s = 0; s < 20; s++) {
                registry.publish("stream" + s, Integer.toString(n));
            }
        }
        drain();
        List<String> expected = IntStream.range(0, 500).mapToObj(n -> "{\"identifier\":\"id\",\"message\":" + n + "}").toList();
        recorders.forEach(recorder -> assertEquals(expected, recorder.frames()));
    }

    @Test
    void refusesBroadcastsPastTheBacklogInsteadOfGrowingWithoutBound() throws InterruptedException {
        StreamRegistry small = registry(Map.of("jcable.delivery-threads", "1", "jcable.broadcast-backlog", "10"));
        try {
            CountDownLatch entered = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            small.subscribe("s", new StreamSubscriber() {
                @Override
                public String identifier() {
                    return "x";
                }

                @Override
                public void deliver(List<WireFrame> frames) {
                    entered.countDown();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            });
            small.publish("s", "0"); // blocks the lane in deliver
            assertTrue(entered.await(5, TimeUnit.SECONDS), "the lane took the first broadcast");
            for (int i = 0; i < 10; i++) {
                small.publish("s", "1");
            }
            IllegalStateException refused = assertThrows(IllegalStateException.class, () -> small.publish("s", "2"));
            assertTrue(refused.getMessage().contains("jcable.broadcast-backlog"), refused.getMessage());
            release.countDown();
            assertTrue(small.drain(Duration.ofSeconds(5)));
        } finally {
            small.stop();
        }
    }
}
