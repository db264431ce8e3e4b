package io.jcable.internal.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IdentifierTest {

    @Test
    void keepsTheRawTextAndReadsChannelAndParams() {
        String raw = "{\"room\": 7, \"channel\":\"ChatChannel\"}";
        Identifier identifier = ((Decoded.Ok<Identifier>) Identifier.parse(raw)).value();
        assertEquals(raw, identifier.raw());
        assertEquals("ChatChannel", identifier.channel());
        assertEquals(7, identifier.params().getInt("room"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "nope                    | identifier is not JSON",
        "[\"ChatChannel\"]       | identifier is not a JSON object",
        "{\"room\":\"1\"}        | identifier has no channel",
        "{\"channel\":1}         | identifier's channel is not a string",
    })
    void refusesBadIdentifiers(String raw, String reason) {
        assertEquals(Decoded.invalid(reason), Identifier.parse(raw));
    }

    @Test
    void messageDataNamesItsActionOrReceive() {
        MessageData away = ((Decoded.Ok<MessageData>) MessageData.parse("{\"action\":\"away\"}")).value();
        assertEquals("away", away.action());
        MessageData plain = ((Decoded.Ok<MessageData>) MessageData.parse("{\"message\":\"hi\"}")).value();
        assertEquals(MessageData.RECEIVE, plain.action());
        assertEquals("{\"message\":\"hi\"}", plain.raw());
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"null", "false", "\"\"", "\"  \"", "\"\\u00a0\""})
    void aBlankActionMeansReceiveAsActionCablesPresence(String action) {
        MessageData data = ((Decoded.Ok<MessageData>) MessageData.parse("{\"action\":" + action + "}")).value();
        assertEquals(MessageData.RECEIVE, data.action());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "hi                | data is not JSON",
        "[]                | data is not a JSON object",
        "\"x\"             | data is not a JSON object",
        "{\"action\":3}    | data's action is not a string",
        "{\"action\":true} | data's action is not a string",
    })
    void refusesBadData(String raw, String reason) {
        assertInstanceOf(Decoded.Invalid.class, MessageData.parse(raw));
        assertEquals(Decoded.invalid(reason), MessageData.parse(raw));
    }
}
