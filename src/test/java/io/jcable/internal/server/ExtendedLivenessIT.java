package io.jcable.internal.server;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jcable.testing.CableClient;
import io.jcable.testing.DemoServer;
import io.jcable.testing.Probe;
import io.jcable.testing.StalledClient;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * How the server keeps AnyCable's extended-protocol clients honest and whole: pings at
 * {@code jcable.ping-interval}, {@code no_pong} after {@code jcable.pong-timeout}, {@code too_slow}
 * for a client that falls behind (then its session is restored), and {@code jcable.shutdown-delay}.
 */
class ExtendedLivenessIT {

    private static final String EXT = "actioncable-v1-ext-json";
    private static final String BENCHMARK = "{\"channel\":\"BenchmarkChannel\"}";
    private static final String PADDING = "x".repeat(16 * 1024);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @RegisterExtension
    static final DemoServer demo = DemoServer.perClass(Map.of(
            "jcable.ping-interval", "1", "jcable.pong-timeout", "2", "jcable.outbound-queue", "64", "jcable.history.size", "2000"));

    private static CableClient ext(String user) {
        return CableClient.connect(demo.cable(user), Map.of(), List.of(EXT));
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    private static URI restoring(String sid) {
        String withToken = demo.cableWithToken("x").toString();
        return URI.create(withToken.substring(0, withToken.indexOf('?')) + "?sid=" + sid);
    }

    @Test
    void pingsComeAtThePingIntervalAndAClientThatPongsStaysConnected() {
        try (CableClient client = ext("alice")) {
            client.next(); // welcome
            long first = 0;
            for (int i = 0; i < 4; i++) {
                JsonObject ping = json(client.nextFrame());
                assertEquals("ping", ping.getString("type"));
                if (i == 0) {
                    first = System.nanoTime();
                }
                client.send("{\"command\":\"pong\"}");
            }
            double seconds = (System.nanoTime() - first) / 1e9;
            assertTrue(seconds > 2.5 && seconds < 4.5, "three intervals of 1 s took " + seconds + " s");
            client.assertOpen(); // 3 s without a no_pong, past the 2 s timeout: its pongs count
        }
    }

    @Test
    void aSilentExtendedClientIsToldNoPongAndRestoresItsSession() {
        String sid;
        try (CableClient silent = ext("bob"); CableClient plain = demo.connect("carol")) {
            sid = silent.nextJson().getString("sid");
            silent.subscribeConfirmed(BENCHMARK);
            long started = System.nanoTime();
            assertEquals("{\"type\":\"disconnect\",\"reason\":\"no_pong\",\"reconnect\":true}", silent.next());
            double seconds = (System.nanoTime() - started) / 1e9;
            assertTrue(seconds < 4.5, "told after " + seconds + " s (timeout 2 s, checked every second)");
            silent.awaitClose();
            plain.assertOpen(); // actioncable-v1-json has no pongs: the timeout is not for it
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> demo.probe().state("connections") == 0);
        try (CableClient back = CableClient.connect(restoring(sid), Map.of(), List.of(EXT))) {
            JsonObject welcome = back.nextJson();
            assertTrue(welcome.getBoolean("restored"), welcome.toString());
            assertEquals(Json.createArrayBuilder().add(BENCHMARK).build(), welcome.getJsonArray("restored_ids"));
        }
    }

    @Test
    void aClientThatFallsBehindIsToldTooSlowLastThenRestoresAndCatchesUpFromTheHistory() {
        Probe probe = demo.probe();
        probe.awaitIdle();
        probe.clearLog();
        long dropped = probe.jmx().getJsonNumber("SlowClientsDropped").longValue();
        String sid;
        List<Long> offsets = new ArrayList<>();
        String epoch;
        try (StalledClient slow = StalledClient.connect(demo.cable("dave"), EXT)) {
            sid = json(slow.nextText()).getString("sid");
            slow.send(CableClient.subscribeCommand(BENCHMARK));
            await().atMost(Duration.ofSeconds(5)).until(() -> probe.state("connectionSubscriptions") >= 1);
            // It reads nothing now: its socket fills, then its queue of 64 frames overflows.
            for (int i = 0; i < 1000 && (i % 20 != 0 || probe.log().stream().noneMatch(line -> line.message().contains("too_slow"))); i++) {
                probe.broadcast("all", "{\"seq\":" + i + ",\"padding\":\"" + PADDING + "\"}");
            }
            assertTrue(probe.log().stream().anyMatch(line -> line.message().contains("disconnected (too_slow): outbound queue full")),
                    probe.log()::toString);
            // Now it reads: what its socket took, then the too_slow frame in place of the rest, then the close.
            StalledClient.Ending ending = slow.readToClose();
            List<String> texts = ending.texts();
            assertEquals("{\"type\":\"disconnect\",\"reason\":\"too_slow\",\"reconnect\":true}", texts.get(texts.size() - 1));
            assertEquals(1013, ending.closeCode(), "1013: try again later");
            epoch = null;
            for (String text : texts.subList(0, texts.size() - 1)) {
                JsonObject frame = json(text);
                if (frame.containsKey("offset")) {
                    offsets.add(frame.getJsonNumber("offset").longValue());
                    epoch = frame.getString("epoch");
                }
            }
        }
        assertFalse(offsets.isEmpty(), "its socket took some broadcasts before it fell behind");
        assertEquals(dropped + 1, probe.jmx().getJsonNumber("SlowClientsDropped").longValue());
        await().atMost(Duration.ofSeconds(10)).until(() -> probe.state("connections") == 0);
        long lastSeen = offsets.isEmpty() ? 0 : offsets.get(offsets.size() - 1);
        long lastSent;
        try (CableClient back = CableClient.connect(restoring(sid), Map.of(), List.of(EXT))) {
            JsonObject welcome = back.nextJson();
            assertTrue(welcome.getBoolean("restored"), "a client dropped as too slow keeps its session: " + welcome);
            back.send("{\"command\":\"history\",\"identifier\":" + Json.createValue(BENCHMARK) + ",\"history\":{\"streams\":{\"all\":"
                    + "{\"epoch\":\"" + epoch + "\",\"offset\":" + lastSeen + "}}}}");
            long expected = lastSeen + 1;
            while (true) {
                JsonObject frame = back.nextJson();
                if ("confirm_history".equals(frame.getString("type", ""))) {
                    break;
                }
                assertEquals(expected++, frame.getJsonNumber("offset").longValue(), "each missed broadcast once, in order");
            }
            lastSent = expected - 1;
        }
        assertTrue(lastSent > lastSeen, "the history held what the client missed");
    }

    @Test
    void aStoppingServerAnswers503AtOnceAndServesItsClientsForTheShutdownDelay() throws Exception {
        DemoServer stopping = DemoServer.start(Map.of("jcable.shutdown-delay", "2000"));
        try (CableClient client = CableClient.connect(stopping.cable("erin"), Map.of(), List.of(EXT))) {
            client.next(); // welcome
            client.subscribeConfirmed(BENCHMARK);
            assertEquals(200, health(stopping));
            long started = System.nanoTime();
            CompletableFuture<Void> stop = CompletableFuture.runAsync(stopping::close);
            await().atMost(Duration.ofMillis(500)).until(() -> health(stopping) == 503);
            stopping.probe().broadcast("all", "{\"during\":\"the delay\"}");
            assertEquals("the delay", client.nextJson().getJsonObject("message").getString("during"));
            try (CableClient late = stopping.connect("frank")) {
                late.assertOpen(); // still taking connections: the load balancer decides
            }
            assertEquals("{\"type\":\"disconnect\",\"reason\":\"server_restart\",\"reconnect\":true}", client.next());
            double seconds = (System.nanoTime() - started) / 1e9;
            assertTrue(seconds >= 1.9, "server_restart after the 2 s delay, not after " + seconds + " s");
            stop.get();
        }
    }

    private static int health(DemoServer server) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(server.http("/_health")).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
