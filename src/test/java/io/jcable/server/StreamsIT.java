package io.jcable.server;

import io.jcable.server.probe.ProbeChannel;
import static io.jcable.testing.CableClient.message;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jcable.broadcast.Broadcast;
import io.jcable.broadcast.Broadcaster;
import io.jcable.testing.CableClient;
import io.jcable.testing.DemoServer;
import io.jcable.testing.LogCapture;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.json.Json;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** streamFor / broadcastTo, stopStream, the Broadcast event fired by any bean, the disconnect callback. */
class StreamsIT {

    private static final Duration QUIET = Duration.ofMillis(300);
    private static final String PROBE = "{\"channel\":\"ProbeChannel\",\"mode\":\"streams\"}";
    @RegisterExtension
    static final DemoServer demo = DemoServer.perClass();

    @Test
    void streamForAndBroadcastToMeetOnTheModelsStream() {
        Broadcaster cable = demo.bean(Broadcaster.class);
        try (CableClient client = demo.connect("alice")) {
            client.subscribeConfirmed(PROBE);
            client.sendMessage(PROBE, "{\"action\":\"follow\",\"post\":7}");
            assertEquals(message(PROBE, "\"following 7\""), client.next());
            cable.broadcastTo(ProbeChannel.class, new ProbeChannel.Post(7), "about post 7");
            cable.broadcastTo(ProbeChannel.class, new ProbeChannel.Post(8), "about post 8");
            assertEquals(message(PROBE, "\"about post 7\""), client.next());
            client.expectNothing(QUIET);
            cable.broadcast("ProbeChannel:Post:7", "by name");
            assertEquals(message(PROBE, "\"by name\""), client.next());

            client.sendMessage(PROBE, "{\"action\":\"unfollow\",\"post\":7}");
            assertEquals(message(PROBE, "\"unfollowed 7\""), client.next());
            cable.broadcastTo(ProbeChannel.class, new ProbeChannel.Post(7), "too late");
            client.expectNothing(QUIET);
        }
    }

    @Test
    void stopAllStreamsEndsEveryStreamButNotTheSubscription() {
        Broadcaster cable = demo.bean(Broadcaster.class);
        try (CableClient client = demo.connect("alice")) {
            client.subscribeConfirmed(PROBE);
            client.sendMessage(PROBE, "{\"action\":\"follow\",\"post\":1}");
            assertEquals(message(PROBE, "\"following 1\""), client.next());
            client.sendMessage(PROBE, "{\"action\":\"quiet\"}");
            assertEquals(message(PROBE, "\"quiet\""), client.next());
            cable.broadcast("probe", "to the probe stream");
            cable.broadcastTo(ProbeChannel.class, new ProbeChannel.Post(1), "to the post");
            client.expectNothing(QUIET);
            client.sendMessage(PROBE, "{\"action\":\"point\",\"x\":1,\"y\":1}");
            assertEquals(message(PROBE, "{\"x\":2,\"y\":2}"), client.next(), "the subscription still works");
        }
    }

    @Test
    void anyBeanMayFireTheBroadcastEventItself() {
        try (CableClient client = demo.connect("alice")) {
            client.subscribeConfirmed(PROBE);
            BeanManager beans = demo.bean(BeanManager.class);
            beans.getEvent().select(Broadcast.class).fire(new Broadcast("probe", Json.createObjectBuilder().add("n", 1).build()));
            beans.getEvent().select(Broadcast.class).fire(new Broadcast("probe", new ProbeChannel.Point(3, 4)));
            assertEquals(message(PROBE, "{\"n\":1}"), client.next());
            assertEquals(message(PROBE, "{\"x\":3,\"y\":4}"), client.next());
        }
    }

    @Test
    void theConnectionHandlerHearsOfEveryIdentifiedConnectionThatCloses() {
        try (LogCapture log = LogCapture.start()) {
            CableClient client = demo.connect("zoe");
            client.close();
            await().atMost(Duration.ofSeconds(5)).until(() -> log.lines().contains("INFO zoe disconnected"));
            CableClient.connect(demo.cableWithToken("forged")).awaitClose();
            assertTrue(log.lines().stream().noneMatch(line -> line.contains("null disconnected")), log.lines()::toString);
        }
    }
}
