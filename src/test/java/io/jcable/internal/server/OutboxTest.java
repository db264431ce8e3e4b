package io.jcable.internal.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jcable.internal.protocol.WireFrame;
import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The outbound queue's state machine, against a container's async send that completes inside
 * {@code sendText}, later on another thread, or fails. A stand-in for the container is the only way
 * to choose when completions happen; the integration tests run the same code on Tyrus.
 */
class OutboxTest {

    /** A container's async remote whose sends complete as the test says. */
    static final class Remote {
        final List<String> sent = new CopyOnWriteArrayList<>();
        final ConcurrentLinkedQueue<SendHandler> pending = new ConcurrentLinkedQueue<>();
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicInteger maxInFlight = new AtomicInteger();
        volatile boolean completeInline = true;
        volatile boolean fail;

        final AtomicInteger writes = new AtomicInteger();

        /** The same socket taking encoded batches: each write is decoded back into its frames. */
        RawSocket raw() {
            return (frames, handler) -> {
                maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                writes.incrementAndGet();
                sent.addAll(decode(frames));
                if (completeInline) {
                    complete(handler);
                } else {
                    pending.add(handler);
                }
            };
        }

        private static List<String> decode(ByteBuffer frames) {
            List<String> texts = new ArrayList<>();
            while (frames.hasRemaining()) {
                assertEquals((byte) 0x81, frames.get(), "a final text frame");
                int length = frames.get();
                if (length == 126) {
                    length = frames.getShort() & 0xFFFF;
                } else if (length == 127) {
                    length = (int) frames.getLong();
                }
                byte[] payload = new byte[length];
                frames.get(payload);
                texts.add(new String(payload, StandardCharsets.UTF_8));
            }
            return texts;
        }

        RemoteEndpoint.Async async() {
            return (RemoteEndpoint.Async) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {RemoteEndpoint.Async.class}, (proxy, method, args) -> {
                        if (!method.getName().equals("sendText") || args.length != 2) {
                            throw new UnsupportedOperationException(method.getName());
                        }
                        maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                        sent.add((String) args[0]);
                        SendHandler handler = (SendHandler) args[1];
                        if (completeInline) {
                            complete(handler);
                        } else {
                            pending.add(handler);
                        }
                        return null;
                    });
        }

        void complete(SendHandler handler) {
            inFlight.decrementAndGet();
            handler.onResult(fail ? new SendResult(new IOException("broken pipe")) : new SendResult());
        }

        boolean completeOne() {
            SendHandler handler = pending.poll();
            if (handler != null) {
                complete(handler);
            }
            return handler != null;
        }
    }

    /** Records what the outbox tells its owner. */
    static final class Owner implements Outbox.Owner {
        final List<String> failures = new CopyOnWriteArrayList<>();
        final AtomicInteger flushed = new AtomicInteger();
        /** What the owner answers an overflow with: null drops the client. */
        volatile String lastWord;

        @Override
        public WireFrame outboxFailed(String reason, boolean overflowed) {
            failures.add(reason);
            return overflowed && lastWord != null ? WireFrame.of(lastWord) : null;
        }

        @Override
        public void outboxFlushed() {
            flushed.incrementAndGet();
        }
    }

    private final Remote remote = new Remote();
    private final Owner owner = new Owner();

    /** An outbox over the container's one-message sends, or over a raw socket. */
    private Outbox outbox(boolean raw, int capacity) {
        return new Outbox(remote.async(), raw ? remote.raw() : null, capacity, owner);
    }

    private static boolean offer(Outbox outbox, String text) {
        return outbox.offer(WireFrame.of(text));
    }

    private static List<String> frames(int count) {
        return IntStream.range(0, count).mapToObj(Integer::toString).toList();
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void sendsInOrderWithoutRecursingWhenTheContainerCompletesInsideSendText(boolean raw) {
        Outbox outbox = outbox(raw, 1_000_000);
        remote.completeInline = false;
        frames(100_000).forEach(frame -> offer(outbox, frame)); // the first is in flight, the rest queue up
        remote.completeInline = true;
        remote.completeOne(); // the rest now complete inline, one after the other, without a deep stack
        assertEquals(frames(100_000), remote.sent);
        assertEquals(1, remote.maxInFlight.get());
        assertEquals(0, outbox.size());
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void keepsOneSendInFlightWhenCompletionsComeLaterFromOtherThreads(boolean raw) throws InterruptedException {
        remote.completeInline = false;
        Outbox outbox = outbox(raw, 1_000_000);
        ExecutorService producers = Executors.newFixedThreadPool(4);
        ExecutorService container = Executors.newSingleThreadExecutor();
        for (int p = 0; p < 4; p++) {
            int producer = p;
            producers.execute(() -> IntStream.range(0, 5_000).forEach(i -> offer(outbox, producer + ":" + i)));
        }
        container.execute(() -> {
            while (remote.sent.size() < 20_000 || !remote.pending.isEmpty()) {
                remote.completeOne();
            }
        });
        producers.shutdown();
        container.shutdown();
        assertTrue(producers.awaitTermination(10, TimeUnit.SECONDS));
        assertTrue(container.awaitTermination(10, TimeUnit.SECONDS));
        assertEquals(20_000, remote.sent.size());
        assertEquals(1, remote.maxInFlight.get());
        for (int p = 0; p < 4; p++) {
            String prefix = p + ":";
            List<String> mine = remote.sent.stream().filter(f -> f.startsWith(prefix)).toList();
            assertEquals(IntStream.range(0, 5_000).mapToObj(i -> prefix + i).toList(), mine, "each producer's order");
        }
    }

    @Test
    void overARawSocketWhatQueuedBehindTheSendInFlightLeavesInOneWriteUpToTheBatchSize() {
        remote.completeInline = false;
        Outbox outbox = outbox(true, 100_000);
        offer(outbox, "first"); // in flight, alone
        List<String> queued = new ArrayList<>(frames(1000));
        queued.add("y".repeat(200)); // a 16-bit length
        queued.forEach(frame -> offer(outbox, frame));
        String big = "z".repeat(Outbox.BATCH_BYTES); // a 64-bit length; over a batch, so alone
        offer(outbox, big);

        remote.completeOne();
        assertEquals(2, remote.writes.get(), "the 1001 queued frames in one write");
        assertEquals(1002, remote.sent.size());
        remote.completeOne();
        assertEquals(3, remote.writes.get());
        remote.completeOne();
        List<String> expected = new ArrayList<>(List.of("first"));
        expected.addAll(queued);
        expected.add(big);
        assertEquals(expected, remote.sent);
        assertEquals(0, outbox.size());
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void overflowDropsTheClientOnceAndRefusesMore(boolean raw) {
        remote.completeInline = false;
        Outbox outbox = outbox(raw, 10);
        List<Boolean> accepted = new ArrayList<>();
        frames(20).forEach(frame -> accepted.add(offer(outbox, frame)));
        assertEquals(11, accepted.stream().filter(b -> b).count(), "one in flight and ten queued");
        assertEquals(List.of("outbound queue full (10 frames, jcable.outbound-queue)"), owner.failures);
        assertFalse(offer(outbox, "more"));
        assertEquals(1, owner.failures.size());
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void anOverflowAnsweredWithALastWordSendsItAfterTheSendInFlightInsteadOfTheQueueThenReportsFlushed(boolean raw) {
        remote.completeInline = false;
        owner.lastWord = "too slow";
        Outbox outbox = outbox(raw, 3);
        frames(5).forEach(frame -> offer(outbox, frame));
        assertEquals(1, owner.failures.size());
        assertFalse(offer(outbox, "more"), "finishing: nothing more is taken");
        assertEquals(0, owner.flushed.get());
        while (remote.completeOne()) {
            // the socket drains
        }
        assertEquals(List.of("0", "too slow"), remote.sent, "the send in flight, then the last word alone");
        assertEquals(1, owner.flushed.get());
        assertEquals(1, remote.maxInFlight.get());
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void replaceWithSendsOnlyTheLastWordAndIsRefusedOnceTheOutboxFinishes(boolean raw) {
        remote.completeInline = false;
        Outbox outbox = outbox(raw, 10);
        frames(4).forEach(frame -> offer(outbox, frame));
        assertTrue(outbox.replaceWith(WireFrame.of("bye")));
        assertFalse(outbox.replaceWith(WireFrame.of("again")));
        while (remote.completeOne()) {
            // the socket drains
        }
        assertEquals(List.of("0", "bye"), remote.sent);
        assertEquals(1, owner.flushed.get());
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aFailedSendDropsTheClient(boolean raw) {
        remote.fail = true;
        Outbox outbox = outbox(raw, 10);
        offer(outbox, "a");
        assertEquals(1, owner.failures.size());
        assertTrue(owner.failures.get(0).startsWith("send failed"), owner.failures::toString);
        assertFalse(offer(outbox, "b"));
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void finishReportsOnceEverythingQueuedHasBeenSent(boolean raw) {
        remote.completeInline = false;
        Outbox outbox = outbox(raw, 10);
        offer(outbox, "1");
        offer(outbox, "2");
        outbox.finish();
        assertFalse(offer(outbox, "too late"));
        assertEquals(0, owner.flushed.get());
        remote.completeOne();
        assertEquals(0, owner.flushed.get());
        remote.completeOne();
        assertEquals(1, owner.flushed.get());
        assertEquals(List.of("1", "2"), remote.sent);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void reportsHowLongTheSendInFlightHasWaited(boolean raw) {
        remote.completeInline = false;
        Outbox outbox = outbox(raw, 10);
        assertEquals(0, outbox.stalledNanos(System.nanoTime()));
        offer(outbox, "1");
        assertTrue(outbox.stalledNanos(System.nanoTime() + 5_000_000_000L) >= 5_000_000_000L);
        remote.completeOne();
        assertEquals(0, outbox.stalledNanos(System.nanoTime()));
    }
}
