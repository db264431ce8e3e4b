package io.jcable.internal.server;

import io.jcable.internal.protocol.WireFrame;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Keeps a replayed history and the live broadcasts of an extended-protocol subscription in order
 * and without duplicates. While a history is pending (a restored session, a subscribe that asks for
 * one, a history command) live frames wait here; the replay goes out as asked, then what waited, each
 * of those only if its offset is past the last one the stream has sent.
 */
final class PositionedDelivery {

    /** A frame's place: its stream, the stream's epoch, its offset. */
    record Position(String stream, String epoch, long offset) {
    }

    /** A live frame held back, with its place. */
    private record Held(Position position, WireFrame frame) {
    }

    /** The last position sent, per stream. */
    private final Map<String, Position> sent = new HashMap<>();
    private final List<Held> held = new ArrayList<>();
    private final int maxHeld;
    private long holdingSince = -1;

    PositionedDelivery(int maxHeld) {
        this.maxHeld = maxHeld;
    }

    /** From now on, live frames wait for {@link #release}; returns the hold's mark, for {@link #releaseHold}. */
    synchronized long hold() {
        if (holdingSince < 0) {
            holdingSince = System.nanoTime();
        }
        return holdingSince;
    }

    /** Ends the hold of that mark, if it still holds (a later one is left alone). */
    synchronized void releaseHold(long mark, Consumer<WireFrame> send) {
        if (holdingSince == mark) {
            release(send);
        }
    }

    /**
     * A live batch: sent at once, or held while a history is pending.
     *
     * @return false when more frames wait than the client's queue may hold (the client is too slow)
     */
    synchronized boolean live(List<WireFrame> frames, String stream, String[] epochs, long[] offsets,
                              Consumer<WireFrame> send) {
        for (int i = 0; i < frames.size(); i++) {
            Position position = new Position(stream, epochs[i], offsets[i]);
            if (holdingSince >= 0) {
                held.add(new Held(position, frames.get(i)));
            } else {
                sendOnce(position, frames.get(i), send);
            }
        }
        return held.size() <= maxHeld;
    }

    /**
     * The client says it has the stream up to {@code position}: live frames up to there are not sent
     * again (in a cluster it may have seen them on another node before this one).
     */
    synchronized void seen(Position position) {
        Position last = sent.get(position.stream());
        if (last == null || !last.epoch().equals(position.epoch()) || position.offset() > last.offset()) {
            sent.put(position.stream(), position);
        }
    }

    /** A frame of the replayed history: sent, as the client asked for it. */
    synchronized void replayed(Position position, WireFrame frame, Consumer<WireFrame> send) {
        sent.put(position.stream(), position);
        send.accept(frame);
    }

    /** Ends the hold: what waited goes out, in order, each frame once. */
    synchronized void release(Consumer<WireFrame> send) {
        holdingSince = -1;
        List<Held> waiting = List.copyOf(held);
        held.clear();
        waiting.forEach(frame -> sendOnce(frame.position(), frame.frame(), send));
    }

    /** Sends a frame that waited if it is past the stream's last one; a new epoch (the stream begun again) starts over. */
    private void sendOnce(Position position, WireFrame frame, Consumer<WireFrame> send) {
        Position last = sent.get(position.stream());
        if (last == null || !last.epoch().equals(position.epoch()) || position.offset() > last.offset()) {
            sent.put(position.stream(), position);
            send.accept(frame);
        }
    }
}
