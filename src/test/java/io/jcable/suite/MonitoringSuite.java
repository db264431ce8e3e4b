package io.jcable.suite;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jcable.testing.CableClient;
import io.jcable.testing.CableTarget;
import io.jcable.testing.Probe;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Operators see the server through JMX and a health check, on every runtime. */
public abstract class MonitoringSuite {

    private static final String BENCHMARK = "{\"channel\":\"BenchmarkChannel\"}";

    protected abstract CableTarget target();

    @Test
    void theMBeanCountsConnectionsSubscriptionsStreamsBroadcastsAndDeliveries() {
        Probe probe = target().probe();
        probe.awaitIdle();
        JsonObject before = probe.jmx();
        assertTrue(before.getString("objectName").startsWith("io.jcable:"), before::toString);
        try (CableClient a = target().connect("watched-a"); CableClient b = target().connect("watched-b")) {
            a.subscribeConfirmed(BENCHMARK);
            b.subscribeConfirmed(BENCHMARK);
            for (int i = 0; i < 3; i++) {
                probe.broadcast("all", "{\"n\":" + i + "}");
            }
            for (int i = 0; i < 3; i++) {
                a.next();
                b.next();
            }
            JsonObject during = probe.jmx();
            assertEquals(2, during.getInt("Connections"), during::toString);
            assertEquals(2, during.getInt("Sockets"), during::toString);
            assertEquals(2, during.getInt("Subscriptions"), during::toString);
            assertEquals(1, during.getInt("Streams"), during::toString);
            assertEquals(3, delta(before, during, "BroadcastsAccepted"));
            assertEquals(6, delta(before, during, "Deliveries"));
            assertEquals(2, delta(before, during, "ConnectionsAdmitted"));
            assertEquals(0, delta(before, during, "SlowClientsDropped"));
            assertEquals(true, during.getBoolean("Healthy"));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            JsonObject after = probe.jmx();
            return after.getInt("Connections") == 0 && after.getInt("Sockets") == 0
                    && after.getInt("Subscriptions") == 0 && after.getInt("Streams") == 0;
        });
    }

    @Test
    void theHealthCheckAnswersUpWithTheGauges() {
        HttpResponse<String> health = target().send(HttpRequest.newBuilder(target().http("_health")).build());
        assertEquals(200, health.statusCode(), health.body());
        assertEquals("application/json", health.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        assertTrue(health.body().startsWith("{\"status\":\"up\",\"connections\":"), health.body());
        assertTrue(health.body().endsWith(",\"cluster\":\"off\"}"), health.body());
    }

    private static long delta(JsonObject before, JsonObject after, String name) {
        return after.getJsonNumber(name).longValue() - before.getJsonNumber(name).longValue();
    }
}
