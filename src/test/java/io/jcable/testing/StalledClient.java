package io.jcable.testing;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A WebSocket client on a plain socket: it completes the handshake and sends frames exactly as
 * told (one frame, whatever its size). Unless asked to read, it never reads again: the server's
 * writes to it fill the TCP window and stall, as with a client on a dead network or a frozen tab.
 */
public final class StalledClient implements AutoCloseable {

    private final Socket socket;
    private final OutputStream out;

    private StalledClient(Socket socket) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
    }

    /** Connects with a small receive buffer and completes the upgrade. */
    public static StalledClient connect(URI uri) {
        return connect(uri, "actioncable-v1-json");
    }

    /** The same, offering {@code subprotocol}. */
    public static StalledClient connect(URI uri, String subprotocol) {
        try {
            Socket socket = new Socket();
            socket.setReceiveBufferSize(4096);
            socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 5000);
            socket.setSoTimeout(5000);
            String key = Base64.getEncoder().encodeToString(new byte[16]);
            String request = "GET " + uri.getRawPath() + "?" + uri.getRawQuery() + " HTTP/1.1\r\n"
                    + "Host: " + uri.getHost() + ":" + uri.getPort() + "\r\n"
                    + "Upgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Key: " + key + "\r\nSec-WebSocket-Version: 13\r\n"
                    + "Sec-WebSocket-Protocol: " + subprotocol + "\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            String response = readHead(socket.getInputStream());
            if (!response.startsWith("HTTP/1.1 101")) {
                throw new IllegalStateException("upgrade refused: " + response);
            }
            return new StalledClient(socket);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.write(b);
        }
        return head.toString(StandardCharsets.US_ASCII);
    }

    /** Sends one masked text frame, as a client must, however long the text. */
    public void send(String text) {
        sendText(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Sends a text frame of these bytes, UTF-8 or not. */
    public void sendText(byte[] payload) {
        write(frame(payload));
    }

    /** Sends one text frame per text, all in one write: they reach the server together. */
    public void sendTogether(List<String> texts) {
        ByteArrayOutputStream frames = new ByteArrayOutputStream();
        texts.forEach(text -> frames.writeBytes(frame(text.getBytes(StandardCharsets.UTF_8))));
        write(frames.toByteArray());
    }

    private static byte[] frame(byte[] payload) {
        byte[] mask = new byte[4];
        ThreadLocalRandom.current().nextBytes(mask);
        ByteArrayOutputStream frame = new ByteArrayOutputStream(payload.length + 14);
        frame.write(0x81);
        if (payload.length < 126) {
            frame.write(0x80 | payload.length);
        } else if (payload.length < 65536) {
            frame.write(0x80 | 126);
            frame.write(payload.length >> 8);
            frame.write(payload.length & 0xff);
        } else {
            frame.write(0x80 | 127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                frame.write((int) ((long) payload.length >> shift) & 0xff);
            }
        }
        frame.writeBytes(mask);
        for (int i = 0; i < payload.length; i++) {
            frame.write(payload[i] ^ mask[i % 4]);
        }
        return frame.toByteArray();
    }

    private void write(byte[] bytes) {
        try {
            out.write(bytes);
            out.flush();
        } catch (IOException e) {
            // the server may close before it has read everything: the close code tells the rest
        }
    }

    /** Reads the server's frames until its close frame, and returns the close code (-1 when the socket just ends). */
    public int awaitCloseCode() {
        try {
            while (true) {
                byte[] frame = readFrame();
                if (frame == null) {
                    return -1;
                }
                if ((frame[0] & 0x0f) == 8) {
                    return frame.length >= 3 ? (frame[1] & 0xff) << 8 | frame[2] & 0xff : 1005;
                }
            }
        } catch (IOException e) {
            return -1;
        }
    }

    /** What a client read to the end: its text frames, pings left out, and the close code (-1: no close frame). */
    public record Ending(List<String> texts, int closeCode) {
    }

    /** Reads every frame until the server's close frame or the socket's end. */
    public Ending readToClose() {
        List<String> texts = new ArrayList<>();
        try {
            while (true) {
                byte[] frame = readFrame();
                if (frame == null) {
                    return new Ending(texts, -1);
                }
                if ((frame[0] & 0x0f) == 8) {
                    return new Ending(texts, frame.length >= 3 ? (frame[1] & 0xff) << 8 | frame[2] & 0xff : 1005);
                }
                String text = new String(frame, 1, frame.length - 1, StandardCharsets.UTF_8);
                if ((frame[0] & 0x0f) == 1 && !text.startsWith("{\"type\":\"ping\"")) {
                    texts.add(text);
                }
            }
        } catch (IOException e) {
            return new Ending(texts, -1);
        }
    }

    /** The next text frame's text, pings skipped; fails on a close or the socket's end. */
    public String nextText() {
        try {
            while (true) {
                byte[] frame = readFrame();
                if (frame == null || (frame[0] & 0x0f) == 8) {
                    throw new AssertionError("closed instead of a text frame");
                }
                String text = new String(frame, 1, frame.length - 1, StandardCharsets.UTF_8);
                if ((frame[0] & 0x0f) == 1 && !text.startsWith("{\"type\":\"ping\"")) {
                    return text;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One unfragmented server frame as its opcode byte, then its payload; null at the socket's end. */
    private byte[] readFrame() throws IOException {
        DataInputStream in = new DataInputStream(socket.getInputStream());
        int first = in.read();
        if (first < 0) {
            return null;
        }
        int length7 = in.readUnsignedByte() & 0x7f;
        long length = length7 == 126 ? in.readUnsignedShort() : length7 == 127 ? in.readLong() : length7;
        byte[] frame = new byte[1 + (int) length];
        frame[0] = (byte) first;
        in.readFully(frame, 1, (int) length);
        return frame;
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // already gone
        }
    }
}
