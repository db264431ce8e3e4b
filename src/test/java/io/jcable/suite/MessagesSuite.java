package io.jcable.suite;

import static io.jcable.testing.CableClient.chat;
import static io.jcable.testing.CableClient.message;
import static io.jcable.testing.CableClient.rejection;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jcable.internal.server.probe.ProbeChannel;
import io.jcable.testing.CableClient;
import io.jcable.testing.CableTarget;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** message commands, actions and broadcasts of the demo's three channels, and what must not arrive. */
public abstract class MessagesSuite {

    private static final Duration QUIET = Duration.ofMillis(300);
    private static final String BENCHMARK = "{\"channel\":\"BenchmarkChannel\"}";
    /** The demo application under test. */
    protected abstract CableTarget target();

    @Test
    void aMessageWithoutActionIsBroadcastToTheRoomAndNotToAnotherRoom() {
        try (CableClient alice = target().connect("alice"); CableClient bob = target().connect("bob");
             CableClient carol = target().connect("carol")) {
            alice.subscribeConfirmed(chat("1"));
            bob.subscribeConfirmed(chat("1"));
            carol.subscribeConfirmed(chat("2"));
            alice.sendMessage(chat("1"), "{\"message\":\"hi <b>&</b> \\u2028\"}");
            // Compared as JSON: Rails escapes < > & and U+2028, JSON-B does not; both are valid JSON.
            JsonObject said = Json.createObjectBuilder().add("identifier", chat("1")).add("message",
                    Json.createObjectBuilder().add("message", "hi <b>&</b> \u2028").add("current_user_id", "alice")).build();
            assertEquals(said, alice.nextJson());
            assertEquals(said, bob.nextJson());
            carol.expectNothing(QUIET);
        }
    }

    @Test
    void receiveTurnsAnyMessageIntoTextAsRubyToSDoes() {
        try (CableClient alice = target().connect("alice")) {
            alice.subscribeConfirmed(chat("text"));
            alice.sendMessage(chat("text"), "{\"message\":42}");
            assertEquals(message(chat("text"), "{\"message\":\"42\",\"current_user_id\":\"alice\"}"), alice.next());
            alice.sendMessage(chat("text"), "{\"message\":[1,\"x\"]}");
            assertEquals(message(chat("text"), "{\"message\":\"[1, \\\"x\\\"]\",\"current_user_id\":\"alice\"}"), alice.next());
        }
    }

    /** docs/DEMO.md, "Validation": ChatChannel's line is a {@code @Valid} record, not blank, at most 1000 characters. */
    @Test
    void aBlankOrOverlongLineIsNotBroadcastAndOnlyItsSenderIsToldWhy() {
        String room = chat("valid");
        try (CableClient alice = target().connect("alice"); CableClient bob = target().connect("bob")) {
            alice.subscribeConfirmed(room);
            bob.subscribeConfirmed(room);
            for (String data : List.of("{}", "{\"message\":\"   \"}", "{\"message\":null}",
                    "{\"message\":\"" + "x".repeat(1001) + "\"}")) {
                alice.sendMessage(room, data);
                JsonObject frame = alice.nextJson();
                assertEquals(room, frame.getString("identifier"), data);
                JsonObject error = frame.getJsonObject("message");
                assertEquals("receive", error.getString("action"), data);
                assertTrue(error.getString("error").startsWith("message: "), error.toString());
                assertEquals(1, error.getJsonArray("violations").size(), error.toString());
                assertEquals("message", error.getJsonArray("violations").getJsonObject(0).getString("field"));
            }
            bob.expectNothing(QUIET);
            String longest = "x".repeat(1000);
            alice.sendMessage(room, "{\"message\":\"" + longest + "\"}");
            String said = message(room, "{\"message\":\"" + longest + "\",\"current_user_id\":\"alice\"}");
            assertEquals(said, alice.next(), "the connection stays usable and 1000 characters are allowed");
            assertEquals(said, bob.next());
        }
    }

    @Test
    void awayAndStatusActionsBroadcastWhoPerformedThem() {
        try (CableClient alice = target().connect("alice"); CableClient bob = target().connect("bob")) {
            alice.subscribeConfirmed(chat("acts"));
            bob.subscribeConfirmed(chat("acts"));
            alice.sendMessage(chat("acts"), "{\"action\":\"away\"}");
            assertEquals(message(chat("acts"), "{\"user\":\"alice\",\"performed\":\"away\"}"), bob.next());
            alice.sendMessage(chat("acts"), "{\"action\":\"status\",\"status\":\"busy\"}");
            assertEquals(message(chat("acts"), "{\"user\":\"alice\",\"performed\":\"status\",\"status\":\"busy\"}"), bob.next());
            alice.sendMessage(chat("acts"), "{\"action\":\"status\"}");
            assertEquals(message(chat("acts"), "{\"user\":\"alice\",\"performed\":\"status\",\"status\":null}"), bob.next());
            alice.sendMessage(chat("acts"), "{\"action\":\"status\",\"status\":{\"mood\":[1,2]}}");
            assertEquals(message(chat("acts"), "{\"user\":\"alice\",\"performed\":\"status\",\"status\":{\"mood\":[1,2]}}"),
                    bob.next());
        }
    }

    @Test
    void commentsRelayServerBroadcastsForTheirPostOnly() {
        String post7 = "{\"channel\":\"CommentsChannel\",\"post_id\":\"7\"}";
        String post8 = "{\"channel\":\"CommentsChannel\",\"post_id\":\"8\"}";
        try (CableClient reader = target().connect("reader"); CableClient other = target().connect("other")) {
            reader.subscribeConfirmed(post7);
            other.subscribeConfirmed(post8);
            assertEquals(201, target().broadcast("{\"stream\":\"comments:post:7\",\"data\":\"{\\\"body\\\":\\\"first!\\\"}\"}")
                    .statusCode());
            assertEquals(message(post7, "{\"body\":\"first!\"}"), reader.next());
            other.expectNothing(QUIET);
            reader.subscribe("{\"channel\":\"CommentsChannel\"}");
            assertEquals(rejection("{\"channel\":\"CommentsChannel\"}"), reader.next());
        }
    }

    @Test
    void benchmarkEchoTransmitsTheDataBackToTheSenderOnly() {
        try (CableClient a = target().connect("a"); CableClient b = target().connect("b")) {
            a.subscribeConfirmed(BENCHMARK);
            b.subscribeConfirmed(BENCHMARK);
            a.sendMessage(BENCHMARK, "{\"action\":\"echo\",\"payload\":{\"n\":1,\"s\":\"x\"}}");
            assertEquals(message(BENCHMARK, "{\"action\":\"echo\",\"payload\":{\"n\":1,\"s\":\"x\"}}"), a.next());
            b.expectNothing(QUIET);
        }
    }

    @Test
    void benchmarkBroadcastReachesEveryoneThenTellsTheSender() {
        try (CableClient a = target().connect("a"); CableClient b = target().connect("b")) {
            a.subscribeConfirmed(BENCHMARK);
            b.subscribeConfirmed(BENCHMARK);
            a.sendMessage(BENCHMARK, "{\"action\":\"broadcast\",\"payload\":\"hello\"}");
            String broadcast = message(BENCHMARK, "{\"action\":\"broadcast\",\"payload\":\"hello\"}");
            assertEquals(broadcast, b.next());
            Set<String> toSender = Set.of(a.next(), a.next());
            assertEquals(Set.of(broadcast,
                    message(BENCHMARK, "{\"action\":\"broadcastResult\",\"payload\":\"hello\"}")), toSender);
        }
    }

    @Test
    void bindsATypedPayloadWithJsonB() {
        String probe = "{\"channel\":\"ProbeChannel\",\"mode\":\"typed\"}";
        try (CableClient client = target().connect("alice")) {
            client.subscribeConfirmed(probe);
            client.sendMessage(probe, "{\"action\":\"point\",\"x\":2,\"y\":-3}");
            assertEquals(message(probe, "{\"x\":4,\"y\":-6}"), client.next());
        }
    }
}
