package io.jcable.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A minimal WebSocket client loop: one thread and one selector drive many connections. It does the
 * upgrade, reads server frames (text, ping, close; fragments joined), and writes masked text frames.
 */
final class WsClient implements AutoCloseable {

    /** What a connection tells its owner; called on the loop's thread. */
    interface Handler {
        void opened(Connection connection);

        void text(Connection connection, String text);

        void closed(Connection connection, String why);
    }

    private final Selector selector;
    private final Thread thread;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private volatile boolean running = true;

    WsClient(String name) throws IOException {
        selector = Selector.open();
        thread = new Thread(this::loop, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Opens a connection; the handler hears of it on this loop's thread. */
    Connection connect(URI uri, String subprotocols, Handler handler, Object attachment) {
        Connection connection = new Connection(uri, subprotocols, handler, attachment);
        run(connection::start);
        return connection;
    }

    private void run(Runnable task) {
        tasks.add(task);
        selector.wakeup();
    }

    private void loop() {
        while (running) {
            try {
                selector.select(100);
                for (Runnable task; (task = tasks.poll()) != null; ) {
                    task.run();
                }
                for (SelectionKey key : selector.selectedKeys()) {
                    ((Connection) key.attachment()).ready(key);
                }
                selector.selectedKeys().clear();
            } catch (IOException | RuntimeException e) {
                System.err.println("client loop: " + e);
            }
        }
    }

    @Override
    public void close() throws IOException {
        running = false;
        selector.wakeup();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (SelectionKey key : selector.keys()) {
            key.channel().close();
        }
        selector.close();
    }

    /** One WebSocket connection. Its methods may be called from any thread. */
    final class Connection {
        final Object attachment;
        private final URI uri;
        private final String subprotocols;
        private final Handler handler;
        private final Queue<ByteBuffer> out = new ArrayDeque<>(); // loop thread only
        private ByteBuffer in = ByteBuffer.allocate(16 * 1024);
        private final StringBuilder fragments = new StringBuilder();
        private SocketChannel channel;
        private SelectionKey key;
        private boolean upgraded;
        private boolean closed;

        Connection(URI uri, String subprotocols, Handler handler, Object attachment) {
            this.uri = uri;
            this.subprotocols = subprotocols;
            this.handler = handler;
            this.attachment = attachment;
        }

        private void start() {
            try {
                channel = SocketChannel.open();
                channel.configureBlocking(false);
                channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
                channel.connect(new InetSocketAddress(uri.getHost(), uri.getPort()));
                key = channel.register(selector, SelectionKey.OP_CONNECT, this);
            } catch (IOException e) {
                fail("connect: " + e);
            }
        }

        /** Sends a text frame (masked, as a client must). */
        void send(String text) {
            ByteBuffer frame = frame(text.getBytes(StandardCharsets.UTF_8));
            run(() -> write(frame));
        }

        void close() {
            run(() -> fail("closed by the benchmark"));
        }

        /** Sends a close frame (1000); the server answers with its own and closes. */
        void closeGracefully() {
            run(() -> write(closeFrame()));
        }

        /** Resets the TCP connection (RST, not FIN): a client that vanishes without a word. */
        void reset() {
            run(() -> {
                try {
                    channel.setOption(StandardSocketOptions.SO_LINGER, 0);
                } catch (IOException e) {
                    // closed already: nothing to reset
                }
                fail("reset by the benchmark");
            });
        }

        private void ready(SelectionKey ready) {
            try {
                if (!ready.isValid()) {
                    return;
                }
                if (ready.isConnectable()) {
                    channel.finishConnect();
                    key.interestOps(SelectionKey.OP_READ);
                    write(ByteBuffer.wrap(upgradeRequest().getBytes(StandardCharsets.US_ASCII)));
                }
                if (ready.isValid() && ready.isWritable()) {
                    flush();
                }
                if (ready.isValid() && ready.isReadable()) {
                    read();
                }
            } catch (IOException e) {
                fail(e.toString());
            }
        }

        private String upgradeRequest() {
            byte[] nonce = new byte[16];
            ThreadLocalRandom.current().nextBytes(nonce);
            String target = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            return "GET " + target + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                    + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: "
                    + Base64.getEncoder().encodeToString(nonce) + "\r\nSec-WebSocket-Protocol: " + subprotocols + "\r\n\r\n";
        }

        private void write(ByteBuffer buffer) {
            if (closed) {
                return;
            }
            out.add(buffer);
            try {
                flush();
            } catch (IOException e) {
                fail(e.toString());
            }
        }

        private void flush() throws IOException {
            while (!out.isEmpty()) {
                ByteBuffer head = out.peek();
                channel.write(head);
                if (head.hasRemaining()) {
                    key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
                    return;
                }
                out.poll();
            }
            key.interestOps(SelectionKey.OP_READ);
        }

        private void read() throws IOException {
            int n = channel.read(in);
            if (n < 0) {
                fail("the server closed the connection");
                return;
            }
            in.flip();
            if (!upgraded && !readUpgrade()) {
                in.compact();
                return;
            }
            while (readFrame()) {
                // one frame handled
            }
            in.compact();
            if (!in.hasRemaining()) {
                in = ByteBuffer.allocate(in.capacity() * 2).put(in.flip());
            }
        }

        private boolean readUpgrade() {
            String head = StandardCharsets.US_ASCII.decode(in.duplicate()).toString();
            int end = head.indexOf("\r\n\r\n");
            if (end < 0) {
                return false;
            }
            if (!head.startsWith("HTTP/1.1 101")) {
                fail("upgrade refused: " + head.lines().findFirst().orElse(""));
                return false;
            }
            in.position(in.position() + end + 4);
            upgraded = true;
            handler.opened(this);
            return true;
        }

        /** Handles one complete frame from {@code in}, or returns false when more bytes are needed. */
        private boolean readFrame() {
            if (closed || in.remaining() < 2) {
                return false;
            }
            int start = in.position();
            int first = in.get(start) & 0xff;
            int second = in.get(start + 1) & 0x7f;
            int header = 2;
            long length = second;
            if (second == 126) {
                if (in.remaining() < 4) {
                    return false;
                }
                length = in.getShort(start + 2) & 0xffff;
                header = 4;
            } else if (second == 127) {
                if (in.remaining() < 10) {
                    return false;
                }
                length = in.getLong(start + 2);
                header = 10;
            }
            if (in.remaining() < header + length) {
                return false;
            }
            byte[] payload = new byte[(int) length];
            in.position(start + header);
            in.get(payload);
            int opcode = first & 0x0f;
            boolean fin = (first & 0x80) != 0;
            if (opcode == 1 || opcode == 0) {
                fragments.append(new String(payload, StandardCharsets.UTF_8));
                if (fin) {
                    String text = fragments.toString();
                    fragments.setLength(0);
                    handler.text(this, text);
                }
            } else if (opcode == 8) {
                int code = payload.length >= 2 ? ((payload[0] & 0xff) << 8) | (payload[1] & 0xff) : 1005;
                fail("close " + code);
                return false;
            }
            return true;
        }

        private void fail(String why) {
            if (closed) {
                return;
            }
            closed = true;
            try {
                if (channel != null) {
                    channel.close();
                }
            } catch (IOException e) {
                // closing anyway
            }
            handler.closed(this, why);
        }

        private ByteBuffer closeFrame() {
            byte[] mask = new byte[4];
            ThreadLocalRandom.current().nextBytes(mask);
            ByteBuffer frame = ByteBuffer.allocate(8).put((byte) 0x88).put((byte) (0x80 | 2)).put(mask);
            frame.put((byte) (0x03 ^ mask[0])).put((byte) (0xe8 ^ mask[1])); // 1000, masked
            return frame.flip();
        }

        private ByteBuffer frame(byte[] payload) {
            int header = payload.length < 126 ? 2 : payload.length < 65536 ? 4 : 10;
            ByteBuffer frame = ByteBuffer.allocate(header + 4 + payload.length);
            frame.put((byte) 0x81);
            if (payload.length < 126) {
                frame.put((byte) (0x80 | payload.length));
            } else if (payload.length < 65536) {
                frame.put((byte) (0x80 | 126)).putShort((short) payload.length);
            } else {
                frame.put((byte) (0x80 | 127)).putLong(payload.length);
            }
            byte[] mask = new byte[4];
            ThreadLocalRandom.current().nextBytes(mask);
            frame.put(mask);
            for (int i = 0; i < payload.length; i++) {
                frame.put((byte) (payload[i] ^ mask[i & 3]));
            }
            return frame.flip();
        }
    }
}
