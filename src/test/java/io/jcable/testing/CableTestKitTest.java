package io.jcable.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jcable.channel.Identity;
import jakarta.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The kit's own checks fail when they should, and it speaks the extended protocol too. */
class CableTestKitTest {

    private static CableTestKit cable;

    @BeforeAll
    static void start() {
        cable = CableTestKit.builder().option("jcable.max-subscriptions", "2").start();
    }

    @AfterAll
    static void stop() {
        cable.close();
    }

    private static TestSubscription lobby() {
        return cable.connectAs(Identity.of("current_user_id", "kit")).subscribe("ChatChannel", Map.of("room", "kit"));
    }

    @Test
    void failedChecksThrowAssertionErrorsThatSayWhy() {
        TestSubscription chat = lobby();
        AssertionError rejected = assertThrows(AssertionError.class, chat::assertRejected);
        assertTrue(rejected.getMessage().contains("confirmed"), rejected.getMessage());
        assertThrows(AssertionError.class, () -> chat.assertStreamsFrom("chat_elsewhere"));
        assertThrows(AssertionError.class, chat::assertNoStreams);
        AssertionError none = assertThrows(AssertionError.class, () -> cable.assertNoBroadcasts("chat_kit", chat::unsubscribe));
        assertTrue(none.getMessage().contains("left"), none.getMessage());
        TestSubscription again = lobby();
        assertThrows(AssertionError.class,
                () -> cable.assertBroadcastOn("chat_kit", Map.of("user", "kit", "performed", "back"), () -> again.perform("away")));
        assertThrows(AssertionError.class, () -> cable.assertBroadcasts("chat_kit", 2, () -> again.perform("away")));
        assertThrows(AssertionError.class, () -> cable.connectAs(Identity.of("id", "x")).assertRejected());
    }

    @Test
    void broadcastsAreRecordedPerStreamUntilCleared() {
        TestSubscription chat = lobby();
        cable.clearBroadcasts();
        chat.perform("away");
        chat.perform("away");
        assertEquals(2, cable.broadcasts("chat_kit").size());
        cable.clearBroadcasts();
        assertEquals(0, cable.broadcasts("chat_kit").size());
    }

    @Test
    void theExtendedProtocolIsWelcomedWithASessionId() {
        TestConnection connection = cable.connectAs(Identity.of("id", "ext"),
                TestRequest.to("/cable").subprotocol("actioncable-v1-ext-json"));
        JsonObject welcome = connection.frames().get(0);
        assertEquals("welcome", welcome.getString("type"));
        assertTrue(welcome.getString("sid").length() > 8, welcome.toString());
    }

    @Test
    void theOptionsGivenApply() {
        TestConnection connection = cable.connectAs(Identity.of("id", "limits"));
        connection.subscribe("ChatChannel", Map.of("room", "one")).assertConfirmed();
        connection.subscribe("ChatChannel", Map.of("room", "two")).assertConfirmed();
        connection.subscribe("ChatChannel", Map.of("room", "three")).assertRejected(); // jcable.max-subscriptions=2
    }
}
