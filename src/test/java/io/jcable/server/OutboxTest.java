package io.jcable.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import java.io.IOException;
import java.lang.reflect.Proxy;
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

        @Override
        public void outboxFailed(String reason) {
            failures.add(reason);
        }

        @Override
        public void outboxFlushed() {
            flushed.incrementAndGet();
        }
    }

    private final Remote remote = new Remote();
    private final Owner owner = new Owner();

    private static List<String> frames(int count) {
        return IntStream.range(0, count).mapToObj(Integer::toString).toList();
    }

    @Test
    void sendsInOrderWithoutRecursingWhenTheContainerCompletesInsideSendText() {
        Outbox outbox = new Outbox(remote.async(), 1_000_000, owner);
        remote.completeInline = false;
        frames(100_000).forEach(outbox::offer); // the first is in flight, the rest queue up
        remote.completeInline = true;
        remote.completeOne(); // the rest now complete inline, one after the other, without a deep stack
        assertEquals(frames(100_000), remote.sent);
        assertEquals(1, remote.maxInFlight.get());
        assertEquals(0, outbox.size());
    }

    @Test
    void keepsOneSendInFlightWhenCompletionsComeLaterFromOtherThreads() throws InterruptedException {
        remote.completeInline = false;
        Outbox outbox = new Outbox(remote.async(), 1_000_000, owner);
        ExecutorService producers = Executors.newFixedThreadPool(4);
        ExecutorService container = Executors.newSingleThreadExecutor();
        for (int p = 0; p < 4; p++) {
            int producer = p;
            producers.execute(() -> IntStream.range(0, 5_000).forEach(i -> outbox.offer(producer + ":" + i)));
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
    void overflowDropsTheClientOnceAndRefusesMore() {
        remote.completeInline = false;
        Outbox outbox = new Outbox(remote.async(), 10, owner);
        List<Boolean> accepted = new ArrayList<>();
        frames(20).forEach(frame -> accepted.add(outbox.offer(frame)));
        assertEquals(11, accepted.stream().filter(b -> b).count(), "one in flight and ten queued");
        assertEquals(List.of("outbound queue full (10 frames, jcable.outbound-queue)"), owner.failures);
        assertFalse(outbox.offer("more"));
        assertEquals(1, owner.failures.size());
    }

    @Test
    void aFailedSendDropsTheClient() {
        remote.fail = true;
        Outbox outbox = new Outbox(remote.async(), 10, owner);
        outbox.offer("a");
        assertEquals(1, owner.failures.size());
        assertTrue(owner.failures.get(0).startsWith("send failed"), owner.failures::toString);
        assertFalse(outbox.offer("b"));
    }

    @Test
    void finishReportsOnceEverythingQueuedHasBeenSent() {
        remote.completeInline = false;
        Outbox outbox = new Outbox(remote.async(), 10, owner);
        outbox.offer("1");
        outbox.offer("2");
        outbox.finish();
        assertFalse(outbox.offer("too late"));
        assertEquals(0, owner.flushed.get());
        remote.completeOne();
        assertEquals(0, owner.flushed.get());
        remote.completeOne();
        assertEquals(1, owner.flushed.get());
        assertEquals(List.of("1", "2"), remote.sent);
    }

    @Test
    void reportsHowLongTheSendInFlightHasWaited() {
        remote.completeInline = false;
        Outbox outbox = new Outbox(remote.async(), 10, owner);
        assertEquals(0, outbox.stalledNanos(System.nanoTime()));
        outbox.offer("1");
        assertTrue(outbox.stalledNanos(System.nanoTime() + 5_000_000_000L) >= 5_000_000_000L);
        remote.completeOne();
        assertEquals(0, outbox.stalledNanos(System.nanoTime()));
    }
}
