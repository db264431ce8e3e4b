package io.jcable.internal.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CommandDecoderTest {

    @Test
    void decodesSubscribeKeepingTheIdentifierByteForByte() {
        String identifier = "{ \"channel\" : \"ChatChannel\",\"room\":\"caf\\u00e9\" }";
        Decoded<Command> decoded = CommandDecoder.decode(
                "{\"command\":\"subscribe\",\"identifier\":" + JsonText.quote(identifier) + "}");
        assertEquals(Decoded.ok(new Command.Subscribe(identifier)), decoded);
    }

    @Test
    void aJoinNamesItsPresenceIdAndALeaveMayNot() {
        assertEquals(Decoded.ok(new Command.Presence("x", "leave", JsonValue.EMPTY_JSON_OBJECT)),
                CommandDecoder.decode("{\"command\":\"leave\",\"identifier\":\"x\"}"), "@anycable/web's presence.leave()");
        assertTrue(CommandDecoder.decode("{\"command\":\"leave\",\"identifier\":\"x\",\"presence\":{\"id\":\"a\"}}") instanceof Decoded.Ok<?>);
        assertFalse(CommandDecoder.decode("{\"command\":\"leave\",\"identifier\":\"x\",\"presence\":{\"id\":\"\"}}") instanceof Decoded.Ok<?>);
        assertFalse(CommandDecoder.decode("{\"command\":\"join\",\"identifier\":\"x\",\"presence\":{}}") instanceof Decoded.Ok<?>);
    }

    @Test
    void decodesUnsubscribe() {
        assertEquals(Decoded.ok(new Command.Unsubscribe("x")),
                CommandDecoder.decode("{\"command\":\"unsubscribe\",\"identifier\":\"x\"}"));
    }

    @Test
    void decodesTheExtendedProtocolsPingAndPongWhichCarryNoIdentifier() {
        assertEquals(Decoded.ok(new Command.Ping()), CommandDecoder.decode("{\"command\":\"ping\"}"));
        assertEquals(Decoded.ok(new Command.Pong()), CommandDecoder.decode("{\"command\":\"pong\"}"));
    }

    @Test
    void decodesMessageLeavingTheDataUndecoded() {
        assertEquals(Decoded.ok(new Command.Message("x", "{\"action\":\"away\"}")),
                CommandDecoder.decode("{\"command\":\"message\",\"identifier\":\"x\",\"data\":\"{\\\"action\\\":\\\"away\\\"}\"}"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "not json                                                  | frame is not JSON",
        "{\"command\":\"subscribe\"                                | frame is not JSON",
        "{\"command\":\"subscribe\",\"identifier\":\"x\"} trailing | frame is not JSON",
        "[1,2]                                                     | frame is not a JSON object",
        "\"subscribe\"                                             | frame is not a JSON object",
        "{\"identifier\":\"x\"}                                    | frame has no command",
        "{\"command\":42,\"identifier\":\"x\"}                     | command is not a string",
        "{\"command\":\"subscribe\"}                               | frame has no identifier",
        "{\"command\":\"subscribe\",\"identifier\":{\"channel\":\"C\"}} | identifier is not a string",
        "{\"command\":\"dance\",\"identifier\":\"x\"}              | unknown command \"dance\"",
        "{\"command\":\"message\",\"identifier\":\"x\"}            | message has no data",
        "{\"command\":\"message\",\"identifier\":\"x\",\"data\":{}} | data is not a string",
    })
    void refusesMalformedFramesWithAReason(String frame, String reason) {
        assertEquals(Decoded.invalid(reason), CommandDecoder.decode(frame));
    }

    @Test
    void refusesDeeplyNestedJsonWithoutThrowing() {
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        assertEquals(Decoded.invalid("frame is not JSON"), CommandDecoder.decode(deep));
    }

    @Test
    void refusesInvalidSurrogatesAndHugeNumbersCalmly() {
        assertEquals(Decoded.invalid("frame is not a JSON object"), CommandDecoder.decode("1e999999999"));
        assertEquals(Decoded.invalid("unknown command \"\\ud800\""),
                CommandDecoder.decode("{\"command\":\"\\ud800\",\"identifier\":\"x\"}"));
    }

    @Test
    void abbreviatesLongUnknownCommandsInTheReason() {
        Decoded<Command> decoded = CommandDecoder.decode("{\"command\":\"" + "a".repeat(500) + "\",\"identifier\":\"x\"}");
        assertEquals(Decoded.invalid("unknown command \"" + "a".repeat(77) + "...\""), decoded);
    }
}
