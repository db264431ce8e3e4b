package io.jcable.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jcable.broadcast.Broadcaster;
import io.jcable.channel.Identity;
import io.jcable.testing.CableTestKit;
import io.jcable.testing.TestConnection;
import io.jcable.testing.TestSubscription;
import jakarta.json.Json;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The demo's two other channels, with the test kit. */
class BenchmarkAndCommentsChannelTest {

    private static CableTestKit cable;

    @BeforeAll
    static void start() {
        cable = CableTestKit.start();
    }

    @AfterAll
    static void stop() {
        cable.close();
    }

    private static TestConnection someone() {
        return cable.connectAs(Identity.of("current_user_id", "someone"));
    }

    @Test
    void echoTransmitsTheDataBackToItsSenderAlone() {
        TestSubscription benchmark = someone().subscribe("BenchmarkChannel", Map.of()).assertConfirmed().assertStreamsFrom("all");
        cable.assertNoBroadcasts("all", () -> benchmark.perform("echo", Map.of("n", 1)));
        assertEquals(Json.createObjectBuilder().add("n", 1).add("action", "echo").build(), benchmark.lastMessage());
    }

    @Test
    void broadcastGoesToAllThenTellsItsSender() {
        TestSubscription benchmark = someone().subscribe("BenchmarkChannel", Map.of());
        cable.assertBroadcastOn("all", Map.of("n", 2, "action", "broadcast"), () -> benchmark.perform("broadcast", Map.of("n", 2)));
        List<String> actions = benchmark.awaitMessages(2).stream().map(m -> m.asJsonObject().getString("action")).toList();
        assertEquals(List.of("broadcast", "broadcastResult"), actions.stream().sorted().toList()); // either order: the broadcast comes from the stream
    }

    @Test
    void commentsRelayWhatTheServerBroadcastsToThePost() {
        TestSubscription comments = someone().subscribe("CommentsChannel", Map.of("post_id", "42"))
                .assertConfirmed().assertStreamsFrom("comments:post:42");
        cable.bean(Broadcaster.class).broadcast("comments:post:42", Map.of("body", "first"));
        assertEquals("first", comments.awaitMessages(1).get(0).asJsonObject().getString("body"));
        someone().subscribe("CommentsChannel", Map.of()).assertRejected();
    }
}
