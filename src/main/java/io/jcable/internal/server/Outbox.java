package io.jcable.internal.server;

import io.jcable.internal.protocol.WireFrame;
import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A connection's bounded outbound queue. Any thread may offer frames without blocking; one async
 * send is in flight at a time (a second one may throw in some containers), and the next starts
 * from the completion of the previous. A queue that overflows, or a send that fails, drops the
 * client through {@link Owner#outboxFailed}. Where the runtime offers a {@link RawSocket}, one send
 * carries every frame queued meanwhile (up to {@value #BATCH_BYTES} bytes) in one write: under load a
 * socket costs one system call per batch instead of one per frame.
 */
final class Outbox implements SendHandler {

    /** Who is told when this outbox can no longer deliver. */
    interface Owner {
        /**
         * @param overflowed whether the queue overflowed (the client does not read), rather than a send failing
         * @return after an overflow, a last frame to send instead of what was queued (the outbox then
         *         finishes with it), or null to stop at once
         */
        WireFrame outboxFailed(String reason, boolean overflowed);

        void outboxFlushed();
    }

    // States of the send in flight. The container may complete a send inside sendText itself:
    // then the sending loop carries on instead of recursing once per queued frame.
    private static final int IDLE = 0;
    private static final int IN_CALL = 1;
    private static final int COMPLETED_IN_CALL = 2;
    private static final int AWAITING = 3;

    static final int BATCH_BYTES = 64 * 1024;

    /** What the outbox accepts: everything, nothing more (sending what it has, then telling the owner), or nothing at all. */
    private enum State { ACCEPTING, FINISHING, FLUSHED, STOPPED }

    private final RemoteEndpoint.Async remote;
    private final RawSocket raw;
    private final int capacity;
    private final Owner owner;
    private final Queue<WireFrame> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicBoolean sending = new AtomicBoolean();
    private final AtomicInteger call = new AtomicInteger(IDLE);
    private final AtomicReference<State> state = new AtomicReference<>(State.ACCEPTING);
    /** The frame that replaces what was queued, taken by the sender in charge (the one thread that polls). */
    private final AtomicReference<WireFrame> lastWord = new AtomicReference<>();
    private volatile long sendStartedNanos;

    /** @param raw null when frames go one by one through {@code remote} */
    Outbox(RemoteEndpoint.Async remote, RawSocket raw, int capacity, Owner owner) {
        this.remote = remote;
        this.raw = raw;
        this.capacity = capacity;
        this.owner = owner;
    }

    /** Queues a frame; false when the outbox is finishing, stopped, or just overflowed. */
    boolean offer(WireFrame frame) {
        return offer(List.of(frame));
    }

    /** Queues frames to leave together (in one write where the socket allows); all or none. */
    boolean offer(List<WireFrame> frames) {
        if (state.get() != State.ACCEPTING) {
            return false;
        }
        if (queued.addAndGet(frames.size()) > capacity) {
            queued.addAndGet(-frames.size());
            fail("outbound queue full (" + capacity + " frames, jcable.outbound-queue)", true);
            return false;
        }
        queue.addAll(frames);
        drain();
        return true;
    }

    /** Accepts nothing more; tells the owner once everything queued so far has been sent. */
    void finish() {
        if (state.compareAndSet(State.ACCEPTING, State.FINISHING)) {
            drain();
        }
    }

    /**
     * Sends {@code last} instead of what is queued, then tells the owner it is flushed; accepts nothing more.
     *
     * @return false when the outbox was no longer accepting (nothing is sent then)
     */
    boolean replaceWith(WireFrame last) {
        if (!state.compareAndSet(State.ACCEPTING, State.FINISHING)) {
            return false;
        }
        finishWith(last);
        return true;
    }

    /** Accepts nothing more; the sender in charge sends {@code last} in place of the queue, after the send in flight. */
    private void finishWith(WireFrame last) {
        lastWord.set(last);
        state.set(State.FINISHING);
        drain();
    }

    /** Sends nothing more, now. */
    void stop() {
        state.set(State.STOPPED);
        queue.clear();
    }

    /** How long the send in flight has been waiting for the socket, 0 when none is. */
    long stalledNanos(long now) {
        long started = sendStartedNanos;
        return started == 0 ? 0 : now - started;
    }

    int size() {
        return queued.get();
    }

    private void drain() {
        while (state.get() != State.STOPPED) {
            if (!sending.compareAndSet(false, true)) {
                return; // the sender in charge will see what was queued
            }
            if (lastWord.get() != null) { // rare: a plain read keeps the usual path free of a CAS
                queue.clear();
                queue.add(lastWord.getAndSet(null));
                queued.set(1);
            }
            WireFrame frame = queue.poll();
            if (frame == null) {
                sending.set(false);
                if (queue.isEmpty()) {
                    reportFlushedIfFinishing();
                    return;
                }
                continue; // a frame arrived after the poll: take charge again
            }
            sendStartedNanos = System.nanoTime();
            call.set(IN_CALL);
            try {
                if (raw != null) {
                    raw.write(batchStartingWith(frame), this);
                } else {
                    queued.decrementAndGet();
                    sendText(frame.text());
                }
            } catch (Throwable e) {
                // Whatever the container throws (Tyrus throws an Error for text UTF-8 cannot carry, others
                // checked exceptions they do not declare):
                // 'sending' must not stay taken, or this connection would never send again.
                onResult(new SendResult(e));
            }
            if (call.compareAndSet(IN_CALL, AWAITING)) {
                return; // completes later: onResult carries on
            }
            call.set(IDLE); // completed inside sendText
            sending.set(false);
        }
    }

    /**
     * Sends through Jakarta WebSocket with no application class loader as the thread's context. Tyrus
     * restarts the session's idle timer on every send, on the container's managed scheduler; Payara's
     * captures the caller's context for each timer and, for that, scans every jar the context class
     * loader sees: most of the CPU of a broadcast.
     */
    private void sendText(String text) {
        Thread thread = Thread.currentThread();
        ClassLoader context = thread.getContextClassLoader();
        thread.setContextClassLoader(ClassLoader.getPlatformClassLoader());
        try {
            remote.sendText(text, this);
        } finally {
            thread.setContextClassLoader(context);
        }
    }

    /** The first frame and those queued behind it, as one buffer; only the sender in charge polls. */
    private ByteBuffer batchStartingWith(WireFrame first) {
        byte[] single = first.wire();
        WireFrame next = queue.peek();
        if (next == null || single.length + next.wire().length > BATCH_BYTES) {
            queued.decrementAndGet();
            return ByteBuffer.wrap(single);
        }
        List<byte[]> frames = new ArrayList<>();
        frames.add(single);
        int bytes = single.length;
        while (next != null && bytes + next.wire().length <= BATCH_BYTES) {
            queue.poll();
            frames.add(next.wire());
            bytes += next.wire().length;
            next = queue.peek();
        }
        queued.addAndGet(-frames.size());
        ByteBuffer batch = ByteBuffer.allocate(bytes);
        frames.forEach(batch::put);
        return batch.flip();
    }

    @Override
    public void onResult(SendResult result) {
        sendStartedNanos = 0;
        if (!result.isOK()) {
            fail("send failed: " + result.getException(), false);
        }
        if (call.compareAndSet(IN_CALL, COMPLETED_IN_CALL)) {
            return; // the loop in drain() continues
        }
        call.set(IDLE);
        sending.set(false);
        drain();
    }

    private void fail(String reason, boolean overflowed) {
        if (state.getAndSet(State.STOPPED) != State.STOPPED) {
            queue.clear();
            WireFrame last = owner.outboxFailed(reason, overflowed);
            if (last != null) {
                finishWith(last);
            }
        }
    }

    private void reportFlushedIfFinishing() {
        if (state.compareAndSet(State.FINISHING, State.FLUSHED)) {
            owner.outboxFlushed();
        }
    }
}
