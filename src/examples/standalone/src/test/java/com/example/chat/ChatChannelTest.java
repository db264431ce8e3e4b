package com.example.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jcable.broadcast.Broadcaster;
import io.jcable.channel.Identity;
import io.jcable.testing.CableTestKit;
import io.jcable.testing.TestConnection;
import io.jcable.testing.TestRequest;
import io.jcable.testing.TestSubscription;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ChatChannelTest {

    static CableTestKit cable;

    @BeforeAll
    static void start() {
        cable = CableTestKit.start();                          // Weld SE with this project's beans
    }

    @AfterAll
    static void stop() {
        cable.close();
    }

    static TestSubscription lobby(String user) {
        return cable.connectAs(Identity.of("current_user", user)).subscribe("ChatChannel", Map.of("room", "lobby"));
    }

    @Test
    void joinsTheRoomsStream() {
        lobby("alice").assertConfirmed().assertStreamsFrom("chat_lobby");
        cable.connectAs(Identity.of("current_user", "alice")).subscribe("ChatChannel", Map.of()).assertRejected();
    }

    @Test
    void speakBroadcastsTheLineWithItsAuthor() {
        TestSubscription alice = lobby("alice");
        cable.assertBroadcastOn("chat_lobby", Map.of("text", "hi", "user", "alice"),
                () -> alice.perform("speak", Map.of("text", "hi")));
    }

    @Test
    void aBlankLineIsRefusedToItsSenderAlone() {
        TestSubscription alice = lobby("alice");
        cable.assertNoBroadcasts("chat_lobby", () -> alice.perform("speak", Map.of("text", " ")));
        assertTrue(alice.lastMessage().asJsonObject().getString("error").contains("text"));
    }

    @Test
    void typingReachesTheOthersButNotTheTypist() {
        TestSubscription alice = lobby("alice");
        TestSubscription bob = lobby("bob");
        alice.perform("typing");
        assertEquals("alice", bob.awaitMessages(1).get(0).asJsonObject().getString("typing"));
        alice.perform("speak", Map.of("text", "done"));         // after the typing notice, on the same stream
        assertEquals("done", alice.awaitMessages(1).get(0).asJsonObject().getString("text", "a typing notice"));
    }

    @Test
    void noticesReachTheirRoomAndEveryRoom() {
        TestSubscription alice = lobby("alice");
        Broadcaster broadcaster = cable.bean(Broadcaster.class);
        broadcaster.broadcast("notices", Map.of("room", "kitchen", "text", "not for the lobby"));
        broadcaster.broadcast("notices", Map.of("room", "lobby", "text", "lobby closes at 6"));
        broadcaster.broadcast("notices", Map.of("text", "maintenance tonight"));
        assertEquals("lobby closes at 6", alice.awaitMessages(2).get(0).asJsonObject().getString("text"));
        assertEquals("maintenance tonight", alice.awaitMessages(2).get(1).asJsonObject().getString("text"));
    }

    @Test
    void theTokenIdentifiesItsUser() {
        TestConnection alice = cable.connect(TestRequest.to("/cable").param("token", "alice-token"));
        assertEquals("alice", alice.identity().get("current_user"));
        assertEquals("unauthorized", cable.connect(TestRequest.to("/cable").param("token", "stolen")).assertRejected());
    }
}
