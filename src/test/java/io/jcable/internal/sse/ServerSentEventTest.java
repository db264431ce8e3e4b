package io.jcable.internal.sse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.jcable.internal.protocol.JsonReading;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ServerSentEventTest {

    private static String event(String payloadJson) {
        return new String(ServerSentEvent.event(ServerSentEvent.data(JsonReading.parse(payloadJson)), "comments:post:1", "e-1", 7),
                StandardCharsets.UTF_8);
    }

    @Test
    void aStringPayloadIsItsTextAndEachOfItsLinesADataField() {
        assertEquals("id: 7/comments:post:1/e-1\ndata: <p>a</p>\n\n", event("\"<p>a</p>\""));
        assertEquals("id: 7/comments:post:1/e-1\ndata: <template>\ndata: <p>b</p>\ndata: \ndata: </template>\n\n",
                event("\"<template>\\n<p>b</p>\\r\\n\\r</template>\""));
    }

    @Test
    void anyOtherPayloadIsItsJson() {
        assertEquals("id: 7/comments:post:1/e-1\ndata: {\"n\":1}\n\n", event("{\"n\":1}"));
        assertEquals("id: 7/comments:post:1/e-1\ndata: 42\n\n", event("42"));
    }

    @Test
    void theIdOfAnEventGivesItsPositionBackForItsOwnStreamOnly() {
        String id = ServerSentEvent.id(12, "a/b:c", "0af3-9");
        assertEquals(new ServerSentEvent.Position(12, "0af3-9"), ServerSentEvent.position(id, "a/b:c"));
        assertNull(ServerSentEvent.position(id, "a/b"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "12", "x/s/e", "/s/e", "12/s", "12//e"})
    void anyOtherLastEventIdIsIgnored(String lastEventId) {
        assertNull(ServerSentEvent.position(lastEventId, "s"));
    }
}
