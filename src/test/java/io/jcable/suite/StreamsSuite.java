package io.jcable.suite;

import static io.jcable.testing.CableClient.message;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jcable.testing.CableClient;
import io.jcable.testing.CableTarget;
import io.jcable.testing.Probe;
import jakarta.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** streamFor / broadcastTo, stopStream, the Broadcast event fired by any bean, the disconnect callback. */
public abstract class StreamsSuite {

    private static final Duration QUIET = Duration.ofMillis(300);
    private static final String PROBE = "{\"channel\":\"ProbeChannel\",\"mode\":\"streams\"}";
    /** The demo application under test. */
    protected abstract CableTarget target();

    @Test
    void streamForAndBroadcastToMeetOnTheModelsStream() {
        Probe cable = target().probe();
        try (CableClient client = target().connect("alice")) {
            client.subscribeConfirmed(PROBE);
            client.sendMessage(PROBE, "{\"action\":\"follow\",\"post\":7}");
            assertEquals(message(PROBE, "\"following 7\""), client.next());
            cable.broadcastTo(7, "\"about post 7\"");
            cable.broadcastTo(8, "\"about post 8\"");
            assertEquals(message(PROBE, "\"about post 7\""), client.next());
            client.expectNothing(QUIET);
            cable.broadcast("ProbeChannel:Post:7", "\"by name\"");
            assertEquals(message(PROBE, "\"by name\""), client.next());

            client.sendMessage(PROBE, "{\"action\":\"unfollow\",\"post\":7}");
            assertEquals(message(PROBE, "\"unfollowed 7\""), client.next());
            cable.broadcastTo(7, "\"too late\"");
            client.expectNothing(QUIET);
        }
    }

    /** The test kit inside the application's own container (WildFly's and Payara's CDI, or the standalone Weld). */
    @Test
    void theTestKitRunsInsideTheApplicationsContainer() {
        JsonObject seen = target().probe().kit();
        assertEquals(true, seen.getBoolean("confirmed"), seen.toString());
        assertEquals("[\"probe\"]", seen.getJsonArray("streams").toString());
        assertEquals("{\"n\":\"to the kit\"}", seen.getString("received"));
        target().probe().awaitIdle(); // the kit's connection is gone with it
    }

    @Test
    void stopAllStreamsEndsEveryStreamButNotTheSubscription() {
        Probe cable = target().probe();
        try (CableClient client = target().connect("alice")) {
            client.subscribeConfirmed(PROBE);
            client.sendMessage(PROBE, "{\"action\":\"follow\",\"post\":1}");
            assertEquals(message(PROBE, "\"following 1\""), client.next());
            client.sendMessage(PROBE, "{\"action\":\"quiet\"}");
            assertEquals(message(PROBE, "\"quiet\""), client.next());
            cable.broadcast("probe", "\"to the probe stream\"");
            cable.broadcastTo(1, "\"to the post\"");
            client.expectNothing(QUIET);
            client.sendMessage(PROBE, "{\"action\":\"point\",\"x\":1,\"y\":1}");
            assertEquals(message(PROBE, "{\"x\":2,\"y\":2}"), client.next(), "the subscription still works");
        }
    }

    @Test
    void anyBeanMayFireTheBroadcastEventItself() {
        try (CableClient client = target().connect("alice")) {
            client.subscribeConfirmed(PROBE);
            target().probe().fire("probe", "{\"n\":1}");
            target().probe().firePoint("probe", 3, 4);
            assertEquals(message(PROBE, "{\"n\":1}"), client.next());
            assertEquals(message(PROBE, "{\"x\":3,\"y\":4}"), client.next());
        }
    }

    @Test
    void theConnectionHandlerHearsOfEveryIdentifiedConnectionThatCloses() {
        Probe probe = target().probe();
        probe.clearLog();
        CableClient client = target().connect("zoe");
        client.close();
        await().atMost(Duration.ofSeconds(5)).until(() -> probe.log().stream().anyMatch(line -> line.message().equals("zoe disconnected")));
        CableClient.connect(target().cableWithToken("forged")).awaitClose();
        assertTrue(probe.log().stream().noneMatch(line -> line.message().contains("null disconnected")), probe.log()::toString);
    }
}
