package io.jcable.testing;

import static org.awaitility.Awaitility.await;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/** The client of a target's test probe ({@code /_probe/*}, see ProbeServlet). */
public final class Probe {

    /** One line JCable logged. */
    public record Line(String level, String logger, String message, String thrown, String cause) {
        @Override
        public String toString() {
            return level + " " + message + (thrown.isEmpty() ? "" : " [" + thrown + "]");
        }
    }

    private final CableTarget target;

    Probe(CableTarget target) {
        this.target = target;
    }

    /** Broadcasts {@code json} to {@code stream} through the application's Broadcaster. */
    public void broadcast(String stream, String json) {
        post("_probe/broadcast?stream=" + encode(stream), json);
    }

    /** Broadcaster.broadcastTo(ProbeChannel.class, new Post(post), json). */
    public void broadcastTo(long post, String json) {
        post("_probe/broadcast-to?post=" + post, json);
    }

    /** Fires the Broadcast CDI event with a JsonObject payload, as any bean may. */
    public void fire(String stream, String jsonObject) {
        post("_probe/event?stream=" + encode(stream), jsonObject);
    }

    /** Fires the Broadcast CDI event with a record payload (ProbeChannel.Point) that JSON-B encodes. */
    public void firePoint(String stream, int x, int y) {
        post("_probe/event?as=point&stream=" + encode(stream), "{\"x\":" + x + ",\"y\":" + y + "}");
    }

    /** Disconnects every connection whose identity has {@code name} = {@code value}, on every node (Broadcaster.disconnect). */
    public void disconnect(String name, String value, boolean reconnect) {
        post("_probe/disconnect?name=" + encode(name) + "&value=" + encode(value) + "&reconnect=" + reconnect, "");
    }

    /** The cluster bridge's state: "off", or "connected"/"reconnecting" with its counts. */
    public String cluster() {
        return state().getString("cluster");
    }

    public JsonObject state() {
        HttpResponse<String> response = target.send(HttpRequest.newBuilder(target.http("_probe/state")).build());
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    /** The attributes of this application's JCable MBean, read through JMX inside the server. */
    public JsonObject jmx() {
        HttpResponse<String> response = target.send(HttpRequest.newBuilder(target.http("_probe/jmx")).build());
        if (response.statusCode() != 200) {
            throw new AssertionError("_probe/jmx: " + response.statusCode() + " " + response.body());
        }
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    /** Runs the test kit inside the application's own container (see ProbeServlet#kit) and says what it saw. */
    public JsonObject kit() {
        HttpResponse<String> response = target.send(HttpRequest.newBuilder(target.http("_probe/kit")).build());
        if (response.statusCode() != 200) {
            throw new AssertionError("_probe/kit: " + response.statusCode() + " " + response.body());
        }
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    public int state(String name) {
        return state().getInt(name);
    }

    /** Waits until earlier tests' connections are closed and cleaned up: no connection, no stream subscription. */
    public void awaitIdle() {
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            JsonObject state = state();
            return state.getInt("connections") == 0 && state.getInt("streamSubscriptions") == 0;
        });
    }

    /** What JCable logged (INFO and above, unless verbose) since the last {@link #clearLog()}. */
    public List<Line> log() {
        HttpResponse<String> response = target.send(HttpRequest.newBuilder(target.http("_probe/log")).build());
        return Json.createReader(new StringReader(response.body())).readArray().stream().map(value -> {
            JsonObject record = value.asJsonObject();
            return new Line(record.getString("level"), record.getString("logger"), record.getString("message"),
                    record.getString("thrown"), record.getString("cause"));
        }).toList();
    }

    /** Records every level from now on (true), or INFO and above again (false). */
    public void verboseLog(boolean on) {
        post("_probe/log/verbose", String.valueOf(on));
    }

    public void clearLog() {
        post("_probe/log/clear", "");
    }

    private void post(String path, String body) {
        int status = target.post(path, body, null).statusCode();
        if (status != 204) {
            throw new AssertionError("probe " + path + " answered " + status);
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
