package io.jcable.suite;

import static io.jcable.testing.CableClient.headers;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jcable.testing.CableClient;
import io.jcable.testing.CableTarget;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.StringReader;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * AnyCable's extended protocol, frame by frame (docs/DEMO.md, "AnyCable's extended protocol"):
 * negotiation, session ids and restore, stream positions, history, pongs.
 */
public abstract class ExtendedProtocolSuite {

    private static final String EXT = "actioncable-v1-ext-json";
    private static final Duration QUIET = Duration.ofMillis(300);

    protected abstract CableTarget target();

    private CableClient ext(String user) {
        return CableClient.connect(target().cable(user), Map.of(), List.of(EXT));
    }

    /** The cable URI with no token, for a client that comes back with its session id only. */
    private URI bare() {
        String withToken = target().cableWithToken("x").toString();
        return URI.create(withToken.substring(0, withToken.indexOf('?')));
    }

    private static String room() {
        return CableClient.chat("ext-" + UUID.randomUUID());
    }

    private static String stream(String chatIdentifier) {
        return "chat_" + Json.createReader(new StringReader(chatIdentifier)).readObject().getString("room");
    }

    private void broadcast(String stream, int n) {
        String body = Json.createObjectBuilder().add("stream", stream).add("data", "{\"n\":" + n + "}").build().toString();
        assertEquals(201, target().broadcast(body).statusCode());
    }

    private static String sid(JsonObject welcome) {
        assertEquals("welcome", welcome.getString("type"));
        String sid = welcome.getString("sid");
        assertFalse(sid.isBlank());
        return sid;
    }

    /** Waits until the server has let go of every connection, its sessions saved. */
    private void awaitClosed() {
        await().atMost(Duration.ofSeconds(10)).until(() -> target().probe().state("connections") == 0);
    }

    @Test
    void theExtendedProtocolIsPickedWhenOfferedAndItsWelcomeCarriesASessionId() {
        try (CableClient alone = ext("alice");
             CableClient both = CableClient.connect(target().cable("alice"), Map.of(), List.of("actioncable-v1-json", EXT))) {
            assertEquals(EXT, alone.subprotocol());
            assertEquals(EXT, both.subprotocol());
            String first = sid(alone.nextJson());
            String second = sid(both.nextJson());
            assertFalse(first.equals(second), "one session per connection");
        }
        try (CableClient plain = target().connect("alice")) {
            assertEquals("actioncable-v1-json", plain.subprotocol()); // its welcome was {"type":"welcome"}: connect() checks it
        }
    }

    @Test
    void framesCarryTheirPositionUnderTheExtendedProtocolAndStayAsRailsSendsThemOtherwise() {
        String room = room();
        try (CableClient ext = ext("alice"); CableClient plain = target().connect("bob")) {
            sid(ext.nextJson());
            ext.subscribeConfirmed(room);
            plain.subscribeConfirmed(room);
            broadcast(stream(room), 1);
            broadcast(stream(room), 2);
            JsonObject first = ext.nextJson();
            JsonObject second = ext.nextJson();
            assertEquals(room, first.getString("identifier"));
            assertEquals(Json.createObjectBuilder().add("n", 1).build(), first.getJsonObject("message"));
            assertEquals(stream(room), first.getString("stream_id"));
            assertEquals(1, first.getInt("offset"));
            assertEquals(2, second.getInt("offset"));
            assertEquals(first.getString("epoch"), second.getString("epoch"));
            assertEquals(CableClient.message(room, "{\"n\":1}"), plain.next());
            assertEquals(CableClient.message(room, "{\"n\":2}"), plain.next());
        }
    }

    @Test
    void aClientThatComesBackWithItsSidIsSubscribedAgainWithoutTokenOnce() {
        String room = room();
        String sid;
        try (CableClient ext = ext("alice")) {
            sid = sid(ext.nextJson());
            ext.subscribeConfirmed(room);
        }
        awaitClosed();
        try (CableClient back = CableClient.connect(URI.create(bare() + "?sid=" + sid), Map.of(), List.of(EXT))) {
            JsonObject welcome = back.nextJson();
            assertTrue(welcome.getBoolean("restored"), welcome.toString());
            assertEquals(Json.createArrayBuilder().add(room).build(), welcome.getJsonArray("restored_ids"));
            assertFalse(sid.equals(sid(welcome)), "a new session id");
            broadcast(stream(room), 7);
            JsonObject frame = back.nextJson();
            assertEquals(room, frame.getString("identifier"));
            assertEquals(7, frame.getJsonObject("message").getInt("n"));
            // Restored as alice: her chat line is hers.
            back.sendMessage(room, "{\"message\":\"back\"}");
            assertEquals("alice", back.nextJson().getJsonObject("message").getString("current_user_id"));
        }
        awaitClosed();
        try (CableClient again = CableClient.connect(URI.create(bare() + "?sid=" + sid), Map.of(), List.of(EXT))) {
            assertEquals("{\"type\":\"disconnect\",\"reason\":\"unauthorized\",\"reconnect\":false}", again.next(),
                    "a spent sid falls back to the token check, and there is no token");
        }
    }

    @Test
    void theRestoreHeaderWorksAndAnUnknownSidFallsBackToTheToken() {
        String room = room();
        String sid;
        try (CableClient ext = ext("carol")) {
            sid = sid(ext.nextJson());
            ext.subscribeConfirmed(room);
        }
        awaitClosed();
        try (CableClient back = CableClient.connect(bare(), headers("X-ANYCABLE-RESTORE-SID", sid), List.of(EXT))) {
            JsonObject welcome = back.nextJson();
            assertTrue(welcome.getBoolean("restored"), welcome.toString());
        }
        try (CableClient unknown = CableClient.connect(URI.create(target().cable("carol") + "&sid=nope"), Map.of(), List.of(EXT))) {
            JsonObject welcome = unknown.nextJson();
            sid(welcome);
            assertFalse(welcome.containsKey("restored"), welcome.toString());
        }
    }

    @Test
    void historyReplaysWhatCameAfterAnOffsetThenConfirms() {
        String room = room();
        try (CableClient ext = ext("alice")) {
            sid(ext.nextJson());
            ext.subscribeConfirmed(room);
            for (int n = 1; n <= 3; n++) {
                broadcast(stream(room), n);
            }
            JsonObject first = ext.nextJson();
            ext.nextJson();
            ext.nextJson();
            ext.send(history(room, Json.createObjectBuilder().add("streams", Json.createObjectBuilder().add(stream(room),
                    Json.createObjectBuilder().add("epoch", first.getString("epoch")).add("offset", 1)))).toString());
            assertEquals(2, ext.nextJson().getInt("offset"));
            assertEquals(3, ext.nextJson().getInt("offset"));
            assertEquals("{\"type\":\"confirm_history\",\"identifier\":" + quote(room) + "}", ext.next());
            ext.expectNothing(QUIET);
        }
    }

    @Test
    void anUnknownEpochOrAnOffsetNoLongerKeptGetsRejectHistoryAndNothingElse() {
        String room = room();
        try (CableClient ext = ext("alice")) {
            sid(ext.nextJson());
            ext.subscribeConfirmed(room);
            broadcast(stream(room), 1);
            String epoch = ext.nextJson().getString("epoch");
            ext.send(history(room, positions(stream(room), "another-epoch", 0)).toString());
            assertEquals("{\"type\":\"reject_history\",\"identifier\":" + quote(room) + "}", ext.next());
            ext.expectNothing(QUIET);
            for (int n = 2; n <= 102; n++) { // the stream keeps its last 100
                broadcast(stream(room), n);
            }
            for (int n = 2; n <= 102; n++) {
                assertEquals(n, ext.nextJson().getInt("offset"));
            }
            ext.send(history(room, positions(stream(room), epoch, 1)).toString());
            assertEquals("{\"type\":\"reject_history\",\"identifier\":" + quote(room) + "}", ext.next(),
                    "offset 2 is gone: no partial history");
            ext.send(history(room, positions(stream(room), epoch, 2)).toString());
            for (int n = 3; n <= 102; n++) {
                assertEquals(n, ext.nextJson().getInt("offset"));
            }
            assertEquals("{\"type\":\"confirm_history\",\"identifier\":" + quote(room) + "}", ext.next());
        }
    }

    @Test
    void historyInSubscribeAndBySinceReplayAfterTheConfirmation() {
        String room = room();
        try (CableClient first = ext("alice")) {
            sid(first.nextJson());
            first.subscribeConfirmed(room);
            broadcast(stream(room), 1);
            broadcast(stream(room), 2);
            assertEquals(1, first.nextJson().getInt("offset"));
            assertEquals(2, first.nextJson().getInt("offset"));
        }
        awaitClosed(); // alice's leaving notice is broadcast too: the third in the room's history
        long since = Instant.now().getEpochSecond() - 60;
        try (CableClient later = ext("bob")) {
            sid(later.nextJson());
            later.send(Json.createObjectBuilder().add("command", "subscribe").add("identifier", room)
                    .add("history", Json.createObjectBuilder().add("since", since)).build().toString());
            assertEquals(CableClient.confirmation(room), later.next());
            assertEquals(1, later.nextJson().getInt("offset"));
            assertEquals(2, later.nextJson().getInt("offset"));
            JsonObject left = later.nextJson();
            assertEquals(3, left.getInt("offset"));
            assertEquals("left", left.getJsonObject("message").getString("performed"));
            assertEquals("{\"type\":\"confirm_history\",\"identifier\":" + quote(room) + "}", later.next());
        }
    }

    @Test
    void aPongIsTakenSilently() {
        try (CableClient ext = ext("alice")) {
            sid(ext.nextJson());
            ext.send("{\"command\":\"pong\"}");
            ext.expectNothing(QUIET);
            ext.assertOpen();
        }
    }

    @Test
    void aClientsPingGetsAPongUnderTheExtendedProtocolOnly() {
        try (CableClient ext = ext("alice"); CableClient plain = target().connect("bob")) {
            sid(ext.nextJson());
            ext.send("{\"command\":\"ping\"}");
            assertEquals("{\"type\":\"pong\"}", ext.next());
            plain.send("{\"command\":\"ping\"}");
            plain.expectNothing(QUIET); // Rails knows no such command: ignored, as any unknown one
            plain.assertOpen();
        }
    }

    private static JsonObject positions(String stream, String epoch, long offset) {
        return Json.createObjectBuilder().add("streams", Json.createObjectBuilder().add(stream,
                Json.createObjectBuilder().add("epoch", epoch).add("offset", offset))).build();
    }

    private static JsonObject history(String identifier, JsonObjectBuilder request) {
        return history(identifier, request.build());
    }

    private static JsonObject history(String identifier, JsonObject request) {
        return Json.createObjectBuilder().add("command", "history").add("identifier", identifier).add("history", request).build();
    }

    private static String quote(String text) {
        return Json.createValue(text).toString();
    }
}
