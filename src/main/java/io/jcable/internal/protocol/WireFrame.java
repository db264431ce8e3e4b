package io.jcable.internal.protocol;

import java.nio.charset.StandardCharsets;

/**
 * One text frame on its way out: its text, and its bytes on the wire (an unmasked WebSocket text
 * frame: header, then UTF-8), built once however many sockets the frame goes to.
 */
public final class WireFrame {

    private static final byte FIN_TEXT = (byte) 0x81;

    private final String text;
    private byte[] wire; // built on first use; two threads racing build the same bytes, harmlessly

    private WireFrame(String text) {
        this.text = text;
    }

    public static WireFrame of(String text) {
        return new WireFrame(text);
    }

    public String text() {
        return text;
    }

    /** The frame as it goes on the wire; never to be modified. */
    public byte[] wire() {
        byte[] bytes = wire;
        if (bytes == null) {
            bytes = encode(text.getBytes(StandardCharsets.UTF_8));
            wire = bytes;
        }
        return bytes;
    }

    private static byte[] encode(byte[] payload) {
        int length = payload.length;
        int header = length < 126 ? 2 : length < 65_536 ? 4 : 10;
        byte[] frame = new byte[header + length];
        frame[0] = FIN_TEXT;
        if (length < 126) {
            frame[1] = (byte) length;
        } else if (length < 65_536) {
            frame[1] = 126;
            frame[2] = (byte) (length >>> 8);
            frame[3] = (byte) length;
        } else {
            frame[1] = 127;
            for (int i = 0; i < 8; i++) {
                frame[2 + i] = (byte) ((long) length >>> (56 - 8 * i));
            }
        }
        System.arraycopy(payload, 0, frame, header, length);
        return frame;
    }

    @Override
    public String toString() {
        return text;
    }
}
