package io.jcable.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jcable.channel.Identity;
import io.jcable.testing.CableTestKit;
import io.jcable.testing.TestConnection;
import io.jcable.testing.TestSubscription;
import jakarta.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The demo's ChatChannel with the test kit, no server: the Java twin of a Rails
 * {@code ActionCable::Channel::TestCase} (README, "Testing your channels").
 */
class ChatChannelTest {

    private static CableTestKit cable;

    @BeforeAll
    static void start() {
        cable = CableTestKit.start();
    }

    @AfterAll
    static void stop() {
        cable.close();
    }

    private static TestConnection alice() {
        return cable.connectAs(Identity.of("current_user_id", "alice"));
    }

    @Test
    void subscribesToTheRoomsStream() {
        TestSubscription chat = alice().subscribe("ChatChannel", Map.of("room", "lobby"));
        chat.assertConfirmed();
        chat.assertStreamsFrom("chat_lobby");
    }

    @Test
    void rejectsASubscriptionWithoutARoom() {
        alice().subscribe("ChatChannel", Map.of()).assertRejected().assertNoStreams();
        alice().subscribe("ChatChannel", Map.of("room", "")).assertRejected();
    }

    @Test
    void broadcastsWhatIsSaidWithItsAuthor() {
        TestSubscription chat = alice().subscribe("ChatChannel", Map.of("room", "lobby"));
        cable.assertBroadcastOn("chat_lobby", Map.of("message", "hi", "current_user_id", "alice"),
                () -> chat.send(Map.of("message", "hi")));
    }

    @Test
    void actionsBroadcastWhatTheUserDid() {
        TestSubscription chat = alice().subscribe("ChatChannel", Map.of("room", "lobby"));
        cable.assertBroadcastOn("chat_lobby", Map.of("user", "alice", "performed", "away"), () -> chat.perform("away"));
        cable.assertBroadcastOn("chat_lobby", Map.of("user", "alice", "performed", "status", "status", "busy"),
                () -> chat.perform("status", Map.of("status", "busy")));
    }

    @Test
    void aBlankOrLongLineIsNotBroadcastAndItsSenderIsTold() {
        TestSubscription chat = alice().subscribe("ChatChannel", Map.of("room", "errors"));
        cable.assertNoBroadcasts("chat_errors", () -> chat.send(Map.of("message", "  ")));
        JsonObject error = chat.lastMessage().asJsonObject();
        assertTrue(error.containsKey("error"), error.toString());
        cable.assertNoBroadcasts("chat_errors", () -> chat.send(Map.of("message", "x".repeat(1001))));
        cable.assertBroadcasts("chat_errors", 1, () -> chat.send(Map.of("message", "x".repeat(1000))));
    }

    @Test
    void leavingTellsTheRoom() {
        TestSubscription chat = alice().subscribe("ChatChannel", Map.of("room", "leaving"));
        cable.assertBroadcastOn("chat_leaving", Map.of("user", "alice", "performed", "left"), chat::unsubscribe);
        assertEquals(0, chat.streams().size());
    }

    @Test
    void aSubscriberReceivesTheRoomsBroadcasts() {
        TestSubscription bob = cable.connectAs(Identity.of("current_user_id", "bob"))
                .subscribe("ChatChannel", Map.of("room", "shared"));
        alice().subscribe("ChatChannel", Map.of("room", "shared")).send(Map.of("message", "hello bob"));
        assertEquals("hello bob", bob.awaitMessages(1).get(0).asJsonObject().getString("message"));
    }
}
