package io.jcable.internal.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class FramesTest {

    @Test
    void buildsTheFramesRailsSends() {
        assertEquals("{\"type\":\"welcome\"}", Frames.WELCOME);
        assertEquals("{\"type\":\"ping\",\"message\":1700000000}", Frames.ping(1_700_000_000L));
        assertEquals("{\"identifier\":\"{\\\"channel\\\":\\\"C\\\"}\",\"type\":\"confirm_subscription\"}",
                Frames.confirm("{\"channel\":\"C\"}"));
        assertEquals("{\"identifier\":\"x\",\"type\":\"reject_subscription\"}", Frames.reject("x"));
        assertEquals("{\"type\":\"disconnect\",\"reason\":\"unauthorized\",\"reconnect\":false}",
                Frames.disconnect(DisconnectReason.UNAUTHORIZED, false));
        assertEquals("{\"type\":\"disconnect\",\"reason\":\"server_restart\",\"reconnect\":true}",
                Frames.disconnect(DisconnectReason.SERVER_RESTART, true));
        assertEquals("{\"identifier\":\"x\",\"message\":{\"a\":1}}", Frames.message("x", "{\"a\":1}"));
    }

    @Test
    void quotesEveryStringSoThatAJsonParserReadsItBack() {
        for (String text : List.of("", "plain", "quote \" backslash \\ slash /", "tab\tnew\nline\r",
                "\u0000\u0001\u001f\u007f", "\u2028\u2029", "caf\u00e9 \uD83D\uDE00", "</script>&")) {
            JsonObject parsed = Json.createReader(new StringReader("{\"v\":" + JsonText.quote(text) + "}")).readObject();
            assertEquals(text, parsed.getString("v"));
        }
    }

    @Test
    void escapesControlCharactersAndLineSeparators() {
        assertEquals("\"a\\u0000b\\u2028\\n\"", JsonText.quote("a\u0000b\u2028\n"));
    }

    @Test
    void escapesLoneSurrogatesInEncodedJsonAndLeavesPairsAlone() {
        assertEquals("{\"a\":\"x\\ud800y\\udc00\"}", JsonText.escapeLoneSurrogates("{\"a\":\"x\ud800y\udc00\"}"));
        String pair = "{\"a\":\"\uD83D\uDE00\"}";
        assertTrue(pair == JsonText.escapeLoneSurrogates(pair), "nothing to escape: the same string");
        assertEquals("\"\\ud800x\"", JsonText.quote("\ud800x"));
        assertEquals("\"\\udc00\"", JsonText.quote("\udc00"));
        assertEquals("\"\uD83D\uDE00\"", JsonText.quote("\uD83D\uDE00"));
    }

    @Test
    void negotiatesTheClientsFirstKnownOffer() {
        assertEquals("actioncable-v1-json", Subprotocols.negotiate(List.of("actioncable-v1-json", "actioncable-unsupported")));
        assertEquals("actioncable-unsupported", Subprotocols.negotiate(List.of("x", "actioncable-unsupported")));
        assertEquals("", Subprotocols.negotiate(List.of("graphql-ws")));
        assertEquals("", Subprotocols.negotiate(List.of()));
    }
}
