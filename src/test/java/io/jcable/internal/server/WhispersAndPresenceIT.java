package io.jcable.internal.server;

import static io.jcable.testing.CableClient.chat;
import static io.jcable.testing.CableClient.message;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jcable.testing.CableClient;
import io.jcable.testing.DemoServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Whispers and presence on the demo's ChatChannel (docs/DEMO.md), with a presence TTL of 1 s, at most
 * 2 records per stream and 64 characters of info.
 */
class WhispersAndPresenceIT {

    private static final Duration QUIET = Duration.ofMillis(300);
    private static final String EXT = "actioncable-v1-ext-json";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @RegisterExtension
    static final DemoServer demo = DemoServer.perClass(Map.of("jcable.presence.ttl", "1", "jcable.presence.max-records", "2",
            "jcable.presence.max-info", "64"));

    private static String room() {
        return chat("wp-" + UUID.randomUUID());
    }

    private static String command(String command, String identifier, String member, String json) {
        return "{\"command\":\"" + command + "\",\"identifier\":" + Json.createValue(identifier) + ","
                + "\"" + member + "\":" + json + "}";
    }

    private static String presence(String identifier, String messageJson) {
        return "{\"type\":\"presence\",\"identifier\":" + Json.createValue(identifier) + ",\"message\":" + messageJson + "}";
    }

    @Test
    void aWhisperReachesEveryOtherSubscriberOfTheRoomAndNeverTheSender() {
        String room = room();
        try (CableClient alice = demo.connect("alice"); CableClient bob = demo.connect("bob"); CableClient carol = demo.connect("carol")) {
            for (CableClient client : List.of(alice, bob, carol)) {
                client.subscribeConfirmed(room);
            }
            alice.send(command("whisper", room, "data", "{\"typing\":true}"));
            assertEquals(message(room, "{\"typing\":true}"), bob.next());
            assertEquals(message(room, "{\"typing\":true}"), carol.next());
            alice.expectNothing(QUIET);
        }
    }

    @Test
    void aWhisperTakesNoPlaceInHistoryAndGoesNowhereWhereTheChannelDidNotAllowIt() {
        String room = room();
        String comments = "{\"channel\":\"CommentsChannel\",\"post_id\":\"wp\"}";
        try (CableClient alice = demo.connect("alice");
             CableClient ext = CableClient.connect(demo.cable("bob"), Map.of(), List.of(EXT))) {
            ext.next(); // welcome
            alice.subscribeConfirmed(room);
            ext.subscribeConfirmed(room);
            ext.subscribeConfirmed(comments);
            alice.subscribeConfirmed(comments);
            alice.send(command("whisper", room, "data", "{\"typing\":true}"));
            assertEquals(message(room, "{\"typing\":true}"), ext.next(), "no stream_id, epoch or offset: not a broadcast");
            alice.send(command("whisper", comments, "data", "{\"typing\":true}"));
            ext.expectNothing(QUIET);
            assertEquals(201, demo.broadcast("{\"stream\":\"" + room.replaceAll(".*\"room\":\"([^\"]+)\".*", "chat_$1")
                    + "\",\"data\":\"{\\\"n\\\":1}\"}").statusCode());
            JsonObject first = ext.nextJson();
            assertEquals(1, first.getInt("offset"), "the whisper took no offset");
        }
    }

    @Test
    void presenceIsKeptPerIdJoinedWithTheFirstSessionAndLeftWithTheLast() {
        String room = room();
        try (CableClient tab1 = demo.connect("alice"); CableClient tab2 = demo.connect("alice"); CableClient bob = demo.connect("bob")) {
            for (CableClient client : List.of(tab1, tab2, bob)) {
                client.subscribeConfirmed(room);
            }
            tab1.send(command("join", room, "presence", "{\"id\":\"a\",\"info\":{\"name\":\"Alice\"}}"));
            String joined = presence(room, "{\"type\":\"join\",\"id\":\"a\",\"info\":{\"name\":\"Alice\"}}");
            assertEquals(joined, tab1.next(), "the joiner hears it too");
            assertEquals(joined, bob.next());
            assertEquals(joined, tab2.next());
            tab2.send(command("join", room, "presence", "{\"id\":\"a\",\"info\":{\"name\":\"Alice\"}}"));
            bob.expectNothing(QUIET); // the same person in a second tab
            bob.send(command("join", room, "presence", "{\"id\":\"b\",\"info\":null}"));
            assertEquals(presence(room, "{\"type\":\"join\",\"id\":\"b\",\"info\":null}"), tab1.next());
            tab2.next();
            bob.next();
            bob.send("{\"command\":\"presence\",\"identifier\":" + Json.createValue(room) + "}");
            assertEquals(presence(room, "{\"type\":\"info\",\"total\":2,\"records\":[{\"id\":\"a\",\"info\":{\"name\":\"Alice\"}},"
                    + "{\"id\":\"b\",\"info\":null}]}"), bob.next());
            tab1.send(command("leave", room, "presence", "{\"id\":\"a\"}"));
            bob.expectNothing(QUIET); // tab2 is still there
            tab2.unsubscribe(room); // an unsubscribe leaves at once
            assertEquals(presence(room, "{\"type\":\"leave\",\"id\":\"a\"}"), bob.next());
        }
    }

    @Test
    void aConnectionClosedWithoutLeavingLeavesAfterTheTtl() {
        String room = room();
        try (CableClient bob = demo.connect("bob")) {
            bob.subscribeConfirmed(room);
            CableClient carol = demo.connect("carol");
            carol.subscribeConfirmed(room);
            carol.send(command("join", room, "presence", "{\"id\":\"c\",\"info\":1}"));
            assertEquals(presence(room, "{\"type\":\"join\",\"id\":\"c\",\"info\":1}"), bob.next());
            long closed = System.nanoTime();
            carol.close();
            assertEquals(message(room, "{\"user\":\"carol\",\"performed\":\"left\"}"), bob.next(), "the channel's own notice");
            assertEquals(presence(room, "{\"type\":\"leave\",\"id\":\"c\"}"), bob.next(), "left after jcable.presence.ttl");
            assertFalse((System.nanoTime() - closed) / 1_000_000 < 900, "not before the TTL");
            bob.send("{\"command\":\"presence\",\"identifier\":" + Json.createValue(room) + "}");
            assertEquals(presence(room, "{\"type\":\"info\",\"total\":0,\"records\":[]}"), bob.next());
        }
    }

    @Test
    void aRestoredSessionKeepsItsPresenceAndItsWhispersWithoutLeavingAndComingBack() {
        String room = room();
        try (CableClient bob = demo.connect("bob")) {
            bob.subscribeConfirmed(room);
            String sid;
            try (CableClient alice = CableClient.connect(demo.cable("alice"), Map.of(), List.of(EXT))) {
                sid = alice.nextJson().getString("sid");
                alice.subscribeConfirmed(room);
                alice.send(command("join", room, "presence", "{\"id\":\"a\",\"info\":{\"name\":\"Alice\"}}"));
                assertEquals(presence(room, "{\"type\":\"join\",\"id\":\"a\",\"info\":{\"name\":\"Alice\"}}"), bob.next());
            }
            assertEquals(message(room, "{\"user\":\"alice\",\"performed\":\"left\"}"), bob.next(), "the channel's own notice");
            String bare = demo.cableWithToken("x").toString().replaceAll("\\?.*", "");
            try (CableClient back = CableClient.connect(URI.create(bare + "?sid=" + sid), Map.of(), List.of(EXT))) {
                assertTrue(back.nextJson().getBoolean("restored"));
                bob.expectNothing(Duration.ofMillis(1500)); // past the 1 s TTL of the closed connection: no leave, no join
                bob.send("{\"command\":\"presence\",\"identifier\":" + Json.createValue(room) + "}");
                assertEquals(presence(room, "{\"type\":\"info\",\"total\":1,\"records\":[{\"id\":\"a\",\"info\":{\"name\":\"Alice\"}}]}"),
                        bob.next());
                back.send(command("whisper", room, "data", "{\"typing\":true}"));
                assertEquals(message(room, "{\"typing\":true}"), bob.next(), "the restored subscription whispers where it did");
                back.unsubscribe(room);
                assertEquals(presence(room, "{\"type\":\"leave\",\"id\":\"a\"}"), bob.next(), "and leaves as it would have");
            }
        }
    }

    @Test
    void joinsPastTheLimitsAreRefusedWithAnErrorFrameAndTheHttpApiTellsWhoIsThere() throws Exception {
        String room = room();
        String stream = room.replaceAll(".*\"room\":\"([^\"]+)\".*", "chat_$1");
        try (CableClient alice = demo.connect("alice"); CableClient bob = demo.connect("bob"); CableClient carol = demo.connect("carol")) {
            for (CableClient client : List.of(alice, bob, carol)) {
                client.subscribeConfirmed(room);
            }
            alice.send(command("join", room, "presence", "{\"id\":\"a\",\"info\":\"" + "x".repeat(70) + "\"}"));
            assertEquals(presence(room, "{\"type\":\"error\",\"total\":0,\"reason\":\"info of 72 characters, over 64 (jcable.presence.max-info)\"}"),
                    alice.next());
            bob.expectNothing(QUIET);
            alice.send(command("join", room, "presence", "{\"id\":\"a\",\"info\":1}"));
            carol.next(); // a joined: then b, so that the records are in that order
            bob.send(command("join", room, "presence", "{\"id\":\"b\",\"info\":2}"));
            carol.next();
            carol.send(command("join", room, "presence", "{\"id\":\"c\",\"info\":3}"));
            assertEquals(presence(room, "{\"type\":\"error\",\"total\":0,\"reason\":\"already 2 present (jcable.presence.max-records)\"}"),
                    carol.next());
            alice.next();
            alice.next();
            alice.expectNothing(QUIET);
            alice.send(command("join", room, "presence", "{\"id\":\"a\",\"info\":\"again\"}"));
            alice.expectNothing(QUIET); // the same id again: its info is updated, nobody hears a leave or a join

            HttpRequest.Builder get = HttpRequest.newBuilder(demo.http("/_presence/" + stream));
            HttpResponse<String> who = HTTP.send(get.header("Authorization", "Bearer demo-key").build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, who.statusCode());
            assertEquals("{\"total\":2,\"records\":[{\"id\":\"a\",\"info\":\"again\"},{\"id\":\"b\",\"info\":2}]}", who.body());
            assertEquals(401, HTTP.send(HttpRequest.newBuilder(demo.http("/_presence/" + stream)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode());
            assertEquals("{\"total\":0,\"records\":[]}", HTTP.send(HttpRequest.newBuilder(demo.http("/_presence/nobody-here"))
                    .header("Authorization", "Bearer demo-key").build(), HttpResponse.BodyHandlers.ofString()).body());
        }
    }
}
