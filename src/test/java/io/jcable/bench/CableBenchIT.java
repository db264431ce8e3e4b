package io.jcable.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jcable.testing.DemoServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The benchmark's smoke run: each mode, briefly, against the demo. It proves the tool works (every
 * broadcast counted at every subscriber, the report complete); it asserts no timing.
 */
class CableBenchIT {

    @RegisterExtension
    static final DemoServer demo = DemoServer.perClass();

    private static JsonObject run(String... args) throws Exception {
        String url = "ws://127.0.0.1:" + demo.base().getPort() + "/cable";
        String[] all = new String[args.length + 6];
        System.arraycopy(new String[] {"--url", url, "--settle", "0", "--label", "smoke"}, 0, all, 0, 6);
        System.arraycopy(args, 0, all, 6, args.length);
        BenchOptions options = BenchOptions.parse(all);
        String report = switch (options.mode()) {
            case "echo" -> EchoBench.run(options);
            case "step" -> StepBench.run(options);
            default -> BroadcastBench.run(options);
        };
        String json = report.substring(report.indexOf("BENCH-RESULT ") + "BENCH-RESULT ".length()).trim();
        return Json.createReader(new StringReader(json)).readObject();
    }

    @Test
    void broadcastModeCountsEveryDeliveryAndMeasuresTheServer() throws Exception {
        JsonObject result = run("--clients", "20", "--rate", "100", "--messages", "50");
        assertEquals(1000, result.getInt("expected"));
        assertEquals(1000, result.getInt("delivered"));
        assertEquals(0, result.getInt("duplicates"));
        assertEquals(0, result.getInt("connectFailures"));
        assertTrue(result.getJsonNumber("p99Ms").doubleValue() >= result.getJsonNumber("p50Ms").doubleValue());
        assertTrue(result.getJsonNumber("rssConnectedKib").longValue() > 0, "found the server through /proc: " + result);
    }

    @Test
    void broadcastsOverTheHttpApiAreCountedToo() throws Exception {
        JsonObject result = run("--via", "http", "--clients", "10", "--rate", "50", "--messages", "20");
        assertEquals(200, result.getInt("delivered"));
        assertEquals("http", result.getString("via"));
    }

    @Test
    void echoModeMeasuresRoundTrips() throws Exception {
        JsonObject result = run("--mode", "echo", "--clients", "5", "--seconds", "1");
        assertEquals("echo", result.getString("mode"));
        assertTrue(result.getJsonNumber("roundTripsPerSecond").doubleValue() > 0, result.toString());
    }

    @Test
    void stepModeAddsClientsAndChecksEveryBroadcastReachedEveryone() throws Exception {
        JsonObject result = run("--mode", "step", "--clients", "10", "--steps", "3", "--samples", "20", "--in-flight", "4");
        assertEquals(3, result.getJsonArray("steps").size());
        for (int i = 0; i < 3; i++) {
            JsonObject step = result.getJsonArray("steps").getJsonObject(i);
            assertEquals(10 * (i + 1), step.getInt("clients"));
            assertEquals(20L * 10 * (i + 1), step.getJsonNumber("expected").longValue());
            assertEquals(step.getJsonNumber("expected").longValue(), step.getJsonNumber("delivered").longValue());
        }
    }
}
