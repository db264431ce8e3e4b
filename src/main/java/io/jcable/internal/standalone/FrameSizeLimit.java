package io.jcable.internal.standalone;

import jakarta.websocket.CloseReason;
import java.nio.ByteBuffer;
import org.glassfish.tyrus.spi.Connection;
import org.glassfish.tyrus.spi.ReadHandler;
import org.glassfish.tyrus.spi.Writer;

/**
 * A connection that closes with 1009 as soon as a frame's header announces a payload over
 * {@code jcable.max-frame-size}, before any of it is buffered. Tyrus itself checks the size of
 * whole messages only for annotated endpoints, and answers a frame bigger than its read buffer
 * with 1011. This reads frame headers only, to know where each frame ends; Tyrus does the rest.
 */
final class FrameSizeLimit implements Connection, ReadHandler {

    /** The most bytes Tyrus is given at once; its read buffer must hold a frame and one slice more. */
    static final int READ_SLICE = 16 * 1024;

    private final Connection connection;
    private final long maxPayload;
    private final byte[] header = new byte[14];
    private int headerBytes;
    private long payloadLeft;
    private boolean refused;

    FrameSizeLimit(Connection connection, long maxPayload) {
        this.connection = connection;
        this.maxPayload = maxPayload;
    }

    @Override
    public void handle(ByteBuffer data) {
        if (refused) {
            return;
        }
        int frameStart = data.position();
        for (int i = data.position(); i < data.limit(); ) {
            if (payloadLeft > 0) {
                long skip = Math.min(payloadLeft, data.limit() - i);
                payloadLeft -= skip;
                i += (int) skip;
                continue;
            }
            if (headerBytes == 0) {
                frameStart = i;
            }
            header[headerBytes++] = data.get(i++);
            long length = headerComplete();
            if (length > maxPayload) {
                refused = true;
                // The frames before this one were sent first: they are still delivered.
                ByteBuffer before = data.duplicate();
                before.limit(Math.max(data.position(), frameStart));
                if (before.hasRemaining()) {
                    pass(before);
                }
                connection.close(new CloseReason(CloseReason.CloseCodes.TOO_BIG,
                        "frame over jcable.max-frame-size (" + maxPayload + " bytes)"));
                return;
            }
            if (length >= 0) {
                payloadLeft = length;
                headerBytes = 0;
            }
        }
        pass(data);
    }

    /**
     * Hands the bytes to Tyrus in slices of at most {@value #READ_SLICE}: Tyrus keeps an incomplete
     * frame and appends what comes next, and closes with 1011 once both together exceed its buffer.
     */
    private void pass(ByteBuffer data) {
        while (data.remaining() > READ_SLICE) {
            ByteBuffer slice = data.duplicate();
            slice.limit(data.position() + READ_SLICE);
            data.position(slice.limit());
            connection.getReadHandler().handle(slice);
        }
        connection.getReadHandler().handle(data);
    }

    /** The payload length once the header is complete, or -1 while it is not (RFC 6455, 5.2). */
    private long headerComplete() {
        if (headerBytes < 2) {
            return -1;
        }
        int length7 = header[1] & 0x7f;
        int extended = length7 == 126 ? 2 : length7 == 127 ? 8 : 0;
        int mask = (header[1] & 0x80) != 0 ? 4 : 0;
        if (headerBytes < 2 + extended + mask) {
            return -1;
        }
        long length = length7;
        if (extended > 0) {
            length = 0;
            for (int b = 0; b < extended; b++) {
                length = length << 8 | header[2 + b] & 0xff;
            }
        }
        return length < 0 ? Long.MAX_VALUE : length;
    }

    @Override
    public ReadHandler getReadHandler() {
        return this;
    }

    @Override
    public Writer getWriter() {
        return connection.getWriter();
    }

    @Override
    public CloseListener getCloseListener() {
        return connection.getCloseListener();
    }

    @Override
    public void close(CloseReason reason) {
        connection.close(reason);
    }
}
