package io.jcable.internal.sse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jcable.internal.protocol.WireFrame;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.WriteListener;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * One event stream over a stand-in of the container's non-blocking output: what is written and in
 * which order, the catch-up before what was held, and the drop of a browser that does not read.
 */
class EventStreamTest {

    /** The container's output: takes bytes while ready; a test makes it ready and calls the listener, as the container does. */
    private static final class Output extends ServletOutputStream {
        final ByteArrayOutputStream written = new ByteArrayOutputStream();
        boolean ready = true;
        int flushes;
        WriteListener listener;

        @Override
        public boolean isReady() {
            return ready;
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            this.listener = listener;
            try {
                listener.onWritePossible();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        @Override
        public void write(int b) {
            written.write(b);
        }

        @Override
        public void flush() {
            flushes++;
        }

        String text() {
            return written.toString(StandardCharsets.UTF_8);
        }
    }

    private final Output out = new Output();
    private final AtomicInteger completed = new AtomicInteger();
    private final OpenEventStreams open = new OpenEventStreams();

    private EventStream stream(int maxQueued) throws Exception {
        ServletResponse response = (ServletResponse) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ServletResponse.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getOutputStream")) {
                        return out;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        AsyncContext async = (AsyncContext) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {AsyncContext.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getResponse" -> response;
                    case "complete" -> {
                        completed.incrementAndGet();
                        yield null;
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        return new EventStream("s", async, open, maxQueued);
    }

    private static List<WireFrame> frames(String... htmls) {
        return java.util.Arrays.stream(htmls)
                .map(html -> WireFrame.of("{\"identifier\":\"x\",\"message\":\"" + html + "\",\"stream_id\":\"s\",\"epoch\":\"e\",\"offset\":0}"))
                .toList();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void theCatchUpGoesFirstThenWhatWasHeldAfterIt() throws Exception {
        EventStream stream = stream(10);
        stream.deliver(frames("<p>4</p>", "<p>5</p>"), "s", new String[] {"e", "e"}, new long[] {4, 5}); // live, while catching up
        stream.start(bytes("retry: 3000\n\n"), List.of(bytes("id: 3/s/e\ndata: <p>3</p>\n\n"), bytes("id: 4/s/e\ndata: <p>4</p>\n\n")), 4);
        assertEquals("retry: 3000\n\nid: 3/s/e\ndata: <p>3</p>\n\nid: 4/s/e\ndata: <p>4</p>\n\nid: 5/s/e\ndata: <p>5</p>\n\n", out.text(),
                "4 once: the catch-up had it");
        assertTrue(out.flushes > 0, "flushed, so the browser has it now");
    }

    @Test
    void aBrowserThatDoesNotReadIsDroppedOnceItsQueueIsFull() throws Exception {
        EventStream stream = stream(3);
        stream.start(bytes("retry: 3000\n\n"), List.of(), -1);
        out.ready = false; // the browser stopped reading
        stream.deliver(frames("<p>1</p>", "<p>2</p>", "<p>3</p>"), "s", new String[] {"e", "e", "e"}, new long[] {1, 2, 3});
        assertEquals(0, completed.get());
        stream.deliver(frames("<p>4</p>"), "s", new String[] {"e"}, new long[] {4});
        assertEquals(1, completed.get(), "dropped: the response is completed");
        assertEquals(1, open.counters().dropped());
        out.ready = true;
        stream.onWritePossible();
        stream.heartbeat();
        assertEquals("retry: 3000\n\n", out.text(), "nothing more once dropped");
    }

    @Test
    void heartbeatsAndEventsLeaveInOrderOnceTheContainerMayWriteAgain() throws Exception {
        EventStream stream = stream(10);
        stream.start(bytes("retry: 3000\n\n"), List.of(), -1);
        out.ready = false;
        stream.deliver(frames("<p>1</p>"), "s", new String[] {"e"}, new long[] {1});
        stream.heartbeat();
        assertEquals("retry: 3000\n\n", out.text());
        out.ready = true;
        out.listener.onWritePossible();
        assertEquals("retry: 3000\n\nid: 1/s/e\ndata: <p>1</p>\n\n:\n\n", out.text());
    }
}
