package io.jcable.internal.sse;

import io.jcable.internal.broadcast.StreamSubscriber;
import io.jcable.internal.protocol.WireFrame;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * One browser's event stream: a subscriber of one stream whose events wait in a bounded queue and
 * leave through the Servlet container's non-blocking output, so that a client that stops reading
 * holds no thread and is dropped once {@code jcable.outbound-queue} events wait for it. Live events
 * are held while a {@code Last-Event-ID} catch-up is queued, then those the catch-up held are skipped.
 */
final class EventStream implements StreamSubscriber, WriteListener, AsyncListener {

    private static final System.Logger LOG = System.getLogger(EventStream.class.getName());
    /** One identifier for every event stream: the delivery lane builds each broadcast's frame once for all of them. */
    private static final String IDENTIFIER = "{\"jcable\":\"events\"}";

    private record Held(long offset, byte[] event) {
    }

    private final String stream;
    private final AsyncContext async;
    private final ServletOutputStream out;
    private final OpenEventStreams open;
    private final int maxQueued;
    private final ArrayDeque<byte[]> queue = new ArrayDeque<>();
    private final List<Held> held = new ArrayList<>();
    private boolean holding = true;
    private long caughtUpTo = -1;
    private boolean unflushed;
    private boolean closed;

    EventStream(String stream, AsyncContext async, OpenEventStreams open, int maxQueued) throws IOException {
        this.stream = stream;
        this.async = async;
        this.out = async.getResponse().getOutputStream();
        this.open = open;
        this.maxQueued = maxQueued;
    }

    String stream() {
        return stream;
    }

    @Override
    public String identifier() {
        return IDENTIFIER;
    }

    @Override
    public boolean positioned() {
        return true; // the position is the event's id
    }

    @Override
    public void deliver(List<WireFrame> frames) {
        deliver(frames, stream, null, null);
    }

    @Override
    public void deliver(List<WireFrame> frames, String stream, String[] epochs, long[] offsets) {
        for (int i = 0; i < frames.size(); i++) {
            String data = ServerSentEvent.data(ServerSentEvent.payloadOf(frames.get(i).text()));
            long offset = offsets == null ? -1 : offsets[i];
            live(offset, ServerSentEvent.event(data, stream, epochs == null ? "" : epochs[i], offset));
        }
    }

    private synchronized void live(long offset, byte[] event) {
        if (closed) {
            return;
        }
        if (holding) {
            held.add(new Held(offset, event));
            if (held.size() > maxQueued) {
                drop();
            }
        } else {
            queue(event);
        }
    }

    /** Queues the opening, then the catch-up (up to {@code caughtUpTo}), then what was held meanwhile, and writes from now on. */
    synchronized void start(byte[] opening, List<byte[]> catchUp, long caughtUpTo) {
        this.caughtUpTo = caughtUpTo;
        queue.add(opening);
        catchUp.forEach(queue::add);
        holding = false;
        held.stream().filter(event -> event.offset() < 0 || event.offset() > this.caughtUpTo).forEach(event -> queue(event.event()));
        held.clear();
        out.setWriteListener(this); // the container calls onWritePossible once it may write
    }

    synchronized void heartbeat() {
        if (!closed && !holding) {
            queue(ServerSentEvent.HEARTBEAT);
        }
    }

    private void queue(byte[] event) {
        if (queue.size() >= maxQueued) {
            drop();
            return;
        }
        queue.add(event);
        writeWhileReady();
    }

    @Override
    public synchronized void onWritePossible() {
        writeWhileReady();
    }

    /** Writes what waits while the container takes it without blocking; it calls onWritePossible when it may again. */
    private void writeWhileReady() {
        try {
            while (!closed && out.isReady()) {
                byte[] next = queue.poll();
                if (next != null) {
                    out.write(next);
                    unflushed = true;
                } else if (unflushed) {
                    unflushed = false;
                    out.flush();
                } else {
                    return;
                }
            }
        } catch (IOException | IllegalStateException e) {
            LOG.log(Level.DEBUG, "event stream of {0} ended: {1}", stream, e.toString());
            close();
        }
    }

    private void drop() {
        LOG.log(Level.WARNING, "event stream of \"{0}\" dropped: more than {1} events wait for a client that does not read"
                + " (jcable.outbound-queue)", stream, maxQueued);
        open.counters().dropped.increment();
        close();
    }

    /** Ends it, once: no more deliveries, the response completed. */
    synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        queue.clear();
        held.clear();
        open.closed(this);
        try {
            async.complete();
        } catch (IllegalStateException alreadyDone) {
            // the container ended it first
        }
    }

    @Override
    public void onError(Throwable error) {
        close();
    }

    @Override
    public void onComplete(AsyncEvent event) {
        close();
    }

    @Override
    public void onTimeout(AsyncEvent event) {
        close();
    }

    @Override
    public void onError(AsyncEvent event) {
        close();
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
        // nothing: started once
    }
}
