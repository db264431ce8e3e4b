package io.jcable.bench;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A client of AnyCable's extended protocol for the load tests, on the generator's NIO loop: it
 * subscribes to one room, keeps its stream position and the numbers {@code {"n":N}} it received, and
 * when its connection is dropped or the server restarts it comes back (where {@code next} says) with
 * its session id and asks for what it missed from its position. Its state is the loop thread's.
 */
final class ReliableClient implements WsClient.Handler {

    static final String EXT = "actioncable-v1-ext-json";
    private static final Pattern SID = Pattern.compile("\"sid\":\"([^\"]+)\"");
    private static final Pattern NUMBERED = Pattern.compile("\"message\":\\{\"n\":(\\d+)}");
    private static final Pattern POSITION = Pattern.compile("\"epoch\":\"([^\"]+)\",\"offset\":(\\d+)");

    final int index;
    private final String identifier;
    private final String stream;
    private final WsClient loop;
    /** Where to come back to after a drop or a restart, given this client's session id. */
    private final Function<String, URI> next;
    private final List<Integer> received = new ArrayList<>();
    final List<String> problems = new ArrayList<>();
    private volatile String sid;
    private String epoch;
    private long offset;
    private WsClient.Connection connection;
    private volatile boolean subscribed;
    private volatile int count;
    private volatile long comingBack; // System.nanoTime() when it set out to come back; 0: not coming back
    final List<Long> recoveryNanos = new ArrayList<>();
    volatile int restores;

    ReliableClient(int index, String room, WsClient loop, Function<String, URI> next) {
        this.index = index;
        this.identifier = "{\"channel\":\"ChatChannel\",\"room\":\"" + room + "\"}";
        this.stream = "chat_" + room;
        this.loop = loop;
        this.next = next;
    }

    void connect(URI uri) {
        connection = loop.connect(uri, EXT, this, null);
    }

    /** Drops the connection as a lost network does (RST), and comes back at once. */
    void drop() {
        connection.reset();
    }

    boolean subscribed() {
        return subscribed;
    }

    int count() {
        return count;
    }

    synchronized List<Integer> received() {
        return List.copyOf(received);
    }

    @Override
    public void opened(WsClient.Connection opened) {
        // the welcome says what to do
    }

    @Override
    public void text(WsClient.Connection from, String text) {
        if (text.startsWith("{\"type\":\"ping\"")) {
            return;
        }
        if (text.startsWith("{\"type\":\"welcome\"")) {
            Matcher welcome = SID.matcher(text);
            boolean restored = text.contains("\"restored\":true");
            if (comingBack != 0 && !restored) {
                problems.add("not restored: " + text);
            }
            sid = welcome.find() ? welcome.group(1) : null;
            if (restored) {
                restores++;
                from.send("{\"command\":\"history\",\"identifier\":" + quote(identifier) + ",\"history\":{\"streams\":{\""
                        + stream + "\":{\"epoch\":\"" + epoch + "\",\"offset\":" + offset + "}}}}");
            } else {
                from.send("{\"command\":\"subscribe\",\"identifier\":" + quote(identifier) + "}");
            }
            return;
        }
        if (text.contains("\"type\":\"confirm_subscription\"")) {
            subscribed = true;
            return;
        }
        if (text.contains("\"type\":\"confirm_history\"")) {
            recoveryNanos.add(System.nanoTime() - comingBack);
            comingBack = 0;
            return;
        }
        if (text.contains("\"type\":\"reject_history\"")) {
            problems.add("history refused: " + text);
            return;
        }
        if (text.startsWith("{\"type\":\"disconnect\"")) {
            return; // server_restart: the close follows, and the client comes back
        }
        Matcher numbered = NUMBERED.matcher(text);
        Matcher position = POSITION.matcher(text);
        if (numbered.find() && position.find()) {
            synchronized (this) {
                received.add(Integer.parseInt(numbered.group(1)));
            }
            count++;
            epoch = position.group(1);
            offset = Long.parseLong(position.group(2));
        }
    }

    @Override
    public void closed(WsClient.Connection closed, String why) {
        if (closed != connection || sid == null) {
            return;
        }
        comingBack = System.nanoTime();
        connect(next.apply(sid));
    }

    /** Where {@code got} first differs from {@code expected}, with what is around it. */
    static String difference(List<Integer> expected, List<Integer> got) {
        int i = 0;
        while (i < expected.size() && i < got.size() && expected.get(i).equals(got.get(i))) {
            i++;
        }
        return "first difference at " + i + ": expected " + expected.subList(i, Math.min(expected.size(), i + 5)) + ", got "
                + got.subList(Math.max(0, i - 3), Math.min(got.size(), i + 8)) + " (" + got.size() + " received)";
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
