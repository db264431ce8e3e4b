package io.jcable.internal.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClusterMessageTest {

    @Test
    void aBroadcastTravelsAsItsStreamAndPayload() {
        ClusterMessage.Published published = new ClusterMessage.Published("chat_lobby", "{\"text\":\"hi\"}");
        assertEquals(published, ClusterMessage.read(published.kind(), published.stream(), published.body()));
    }

    @Test
    void aBroadcastToOthersTravelsWithTheSocketItSkips() {
        ClusterMessage.Published published = new ClusterMessage.Published("chat_lobby", "1", "sid-1", false);
        assertEquals(published, ClusterMessage.read(published.kind(), published.stream(), published.excludeSocket(),
                published.body()));
    }

    @Test
    void aDisconnectTravelsAsItsIdentifiersAndChoice() {
        ClusterMessage.Disconnected disconnected = new ClusterMessage.Disconnected(
                Map.of("current_user", "a \"quoted\" \u2028 name"), true);
        assertEquals("{\"identifiers\":{\"current_user\":\"a \\\"quoted\\\" \\u2028 name\"},\"reconnect\":true}",
                disconnected.body());
        assertEquals(disconnected, ClusterMessage.read("disconnect", null, disconnected.body()));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
        "NULL       | s    | {}",
        "broadcast  | NULL | {}",
        "broadcast  | ''   | {}",
        "broadcast  | s    | not json",
        "broadcast  | s    | NULL",
        "order      | s    | {}",
        "disconnect | NULL | {\"identifiers\":{},\"reconnect\":true}",
        "disconnect | NULL | {\"identifiers\":{\"u\":1},\"reconnect\":true}",
        "disconnect | NULL | {\"identifiers\":{\"u\":\"1\"},\"reconnect\":\"yes\"}",
        "disconnect | NULL | [1]",
    })
    void anythingElseIsForeign(String kind, String stream, String body) {
        assertNull(ClusterMessage.read(kind, stream, body));
    }
}
