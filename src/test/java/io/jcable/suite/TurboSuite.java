package io.jcable.suite;

import static io.jcable.testing.CableClient.message;
import static io.jcable.testing.CableClient.rejection;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jcable.internal.protocol.JsonText;
import io.jcable.testing.CableClient;
import io.jcable.testing.CableTarget;
import io.jcable.testing.EventStreamClient;
import jakarta.json.Json;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Turbo's signed streams (docs/DEMO.md, "Turbo Streams and signed streams"): the demo signs with
 * {@code demo-turbo-key}. The signed name below was made by Ruby's ActiveSupport::MessageVerifier
 * (src/test/resources/turbo/rails-signed.properties), so a Rails application's names are taken as they are.
 */
public abstract class TurboSuite {

    protected static final String RAILS_SIGNED_POST_42 =
            "ImNvbW1lbnRzOnBvc3Q6NDIi--2502475c8c1e6db1f37a55412e34928dc9595ebe75ec10a7045a298bfcd92036";
    private static final String APPEND = "<turbo-stream action=\"append\" target=\"comments\"><template><p>hi</p></template></turbo-stream>";
    private static final Duration QUIET = Duration.ofMillis(300);

    protected abstract CableTarget target();

    private static String identifier(String channel, String member, String value) {
        return Json.createObjectBuilder().add("channel", channel).add(member, value).build().toString();
    }

    /** POSTs the turbo-stream HTML to the stream, as the README's curl does. */
    private void broadcastAppend(String stream) {
        String body = Json.createObjectBuilder().add("stream", stream).add("data", JsonText.quote(APPEND)).build().toString();
        assertEquals(201, target().broadcast(body).statusCode());
    }

    @Test
    void turboStreamsChannelStreamsFromARailsSignedName() {
        String turbo = identifier("Turbo::StreamsChannel", "signed_stream_name", RAILS_SIGNED_POST_42);
        String otherPost = identifier("Turbo::StreamsChannel", "signed_stream_name",
                "ImNvbW1lbnRzOnBvc3Q6NDMi--2502475c8c1e6db1f37a55412e34928dc9595ebe75ec10a7045a298bfcd92036");
        try (CableClient page = target().connect("alice")) {
            page.subscribeConfirmed(turbo);
            page.subscribe(otherPost); // post 43 with post 42's digest
            assertEquals(rejection(otherPost), page.next());
            broadcastAppend("comments:post:42");
            assertEquals(message(turbo, JsonText.quote(APPEND)), page.next());
            broadcastAppend("comments:post:43");
            page.expectNothing(QUIET);
        }
    }

    @Test
    void tamperedTruncatedOrMissingSignaturesAreRejected() {
        try (CableClient page = target().connect("alice")) {
            for (String bad : new String[] {
                    RAILS_SIGNED_POST_42.substring(0, RAILS_SIGNED_POST_42.length() - 2),
                    RAILS_SIGNED_POST_42.replace("--25", "--26"),
                    "ImNvbW1lbnRzOnBvc3Q6NDIi", "comments:post:42", ""}) {
                String turbo = identifier("Turbo::StreamsChannel", "signed_stream_name", bad);
                page.subscribe(turbo);
                assertEquals(rejection(turbo), page.next(), bad);
            }
            String noName = "{\"channel\":\"Turbo::StreamsChannel\"}";
            page.subscribe(noName);
            assertEquals(rejection(noName), page.next());
            page.assertOpen();
        }
    }

    @Test
    void pubsubTakesSignedNamesAndRefusesPlainOnesWhilePublicStreamsAreOff() {
        String signed = identifier("$pubsub", "signed_stream_name", RAILS_SIGNED_POST_42);
        String plain = identifier("$pubsub", "stream_name", "comments:post:42");
        try (CableClient client = target().connect("bob")) {
            client.subscribe(plain);
            assertEquals(rejection(plain), client.next());
            client.subscribeConfirmed(signed);
            broadcastAppend("comments:post:42");
            assertEquals(message(signed, JsonText.quote(APPEND)), client.next());
            client.expectNothing(QUIET);
        }
    }

    // Server-Sent Events of signed streams, what <turbo-stream-source src="/events?..."> reads.

    private EventStreamClient events(String signed, String lastEventId) {
        return EventStreamClient.open(target().http("events?turbo_signed_stream_name=" + signed), lastEventId);
    }

    private void broadcast(String stream, String dataJson) {
        String body = Json.createObjectBuilder().add("stream", stream).add("data", dataJson).build().toString();
        assertEquals(201, target().broadcast(body).statusCode());
    }

    @Test
    void serverSentEventsCarryEachBroadcastAsItsHtmlWithItsPosition() {
        try (EventStreamClient events = events(RAILS_SIGNED_POST_42, null)) {
            assertEquals(200, events.status());
            assertTrue(events.contentType().startsWith("text/event-stream"), events.contentType());
            assertEquals("retry: 3000", events.nextLine(CableClient.WAIT));
            String twoLines = "<turbo-stream action=\"append\" target=\"comments\"><template>\n<p>two\nlines</p></template></turbo-stream>";
            broadcast("comments:post:42", JsonText.quote(twoLines));
            EventStreamClient.Event first = events.nextEvent();
            assertEquals(twoLines, first.data(), "the HTML as is, one data: line per line");
            assertTrue(first.id().matches("\\d+/comments:post:42/[\\w-]+"), first.id());
            broadcast("comments:post:42", "{\"not\":\"html\"}");
            EventStreamClient.Event second = events.nextEvent();
            assertEquals("{\"not\":\"html\"}", second.data());
            assertEquals(Long.parseLong(first.id().split("/")[0]) + 1, Long.parseLong(second.id().split("/")[0]));
            broadcast("comments:post:43", JsonText.quote(APPEND));
            events.expectNoEvent(QUIET);
        }
    }

    @Test
    void anEventSourceThatReconnectsWithLastEventIdGetsExactlyWhatItMissed() {
        String lastSeen;
        try (EventStreamClient events = events(RAILS_SIGNED_POST_42, null)) {
            events.nextLine(CableClient.WAIT); // retry: the stream is open, subscribed before any later broadcast
            broadcast("comments:post:42", JsonText.quote("<p>seen</p>"));
            lastSeen = events.nextEvent().id();
        }
        broadcast("comments:post:42", JsonText.quote("<p>missed 1</p>"));
        broadcast("comments:post:42", JsonText.quote("<p>missed 2</p>"));
        try (EventStreamClient events = events(RAILS_SIGNED_POST_42, lastSeen)) {
            assertEquals("<p>missed 1</p>", events.nextEvent().data());
            assertEquals("<p>missed 2</p>", events.nextEvent().data());
            broadcast("comments:post:42", JsonText.quote("<p>live</p>"));
            assertEquals("<p>live</p>", events.nextEvent().data());
            events.expectNoEvent(QUIET);
        }
    }

    @Test
    void aTamperedNameIsForbiddenAndAnOpenStreamGetsHeartbeats() {
        try (EventStreamClient tampered = events(RAILS_SIGNED_POST_42.replace("--25", "--26"), null)) {
            assertEquals(403, tampered.status());
        }
        try (EventStreamClient events = events(RAILS_SIGNED_POST_42, null)) {
            assertEquals("retry: 3000", events.nextLine(CableClient.WAIT));
            assertEquals(":ok", events.nextLine(CableClient.WAIT));
            assertEquals("", events.nextLine(CableClient.WAIT));
            assertEquals(":", events.nextLine(Duration.ofSeconds(5)), "a heartbeat comment every ping interval");
            assertTrue(target().probe().jmx().getJsonNumber("EventStreams").intValue() >= 1, "counted for operators");
        }
    }
}
