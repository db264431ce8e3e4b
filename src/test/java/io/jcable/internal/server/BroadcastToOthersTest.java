package io.jcable.internal.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jcable.broadcast.Broadcaster;
import io.jcable.channel.Identity;
import io.jcable.testing.CableTestKit;
import io.jcable.testing.TestConnection;
import io.jcable.testing.TestRequest;
import io.jcable.testing.TestSubscription;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * "Broadcast to others" (Rails and AnyCable's {@code to_others}): a broadcast made by a connection's
 * action skips that connection only, in order with the broadcasts around it, plain and extended
 * clients alike; by socket id (the extended protocol's sid) from anywhere else.
 */
class BroadcastToOthersTest {

    private static final String PROBE = "{\"channel\":\"ProbeChannel\"}";
    private static CableTestKit cable;

    @BeforeAll
    static void start() {
        cable = CableTestKit.start();
    }

    @AfterAll
    static void stop() {
        cable.close();
    }

    private static TestSubscription probe(TestConnection connection) {
        return connection.subscribe(PROBE).assertConfirmed();
    }

    private static List<String> texts(List<JsonValue> messages) {
        return messages.stream().filter(m -> m instanceof jakarta.json.JsonObject o && o.containsKey("n"))
                .map(m -> m.asJsonObject().getString("n")).toList();
    }

    @Test
    void anActionsBroadcastToOthersSkipsItsOwnConnectionOnly() {
        TestSubscription sender = probe(cable.connectAs(Identity.of("id", "sender")));
        TestSubscription sendersOtherTab = probe(cable.connectAs(Identity.of("id", "sender")));
        TestSubscription other = probe(cable.connectAs(Identity.of("id", "other")));
        Broadcaster broadcaster = cable.bean(Broadcaster.class);

        broadcaster.broadcast("probe", Map.of("n", "1"));
        sender.perform("shout", Map.of("n", "2"));
        broadcaster.broadcast("probe", Map.of("n", "3"));

        assertEquals(List.of("1", "2", "3"), texts(other.awaitMessages(4)));
        assertEquals(List.of("1", "2", "3"), texts(sendersOtherTab.awaitMessages(4)));
        assertEquals(List.of("1", "3"), texts(sender.awaitMessages(3))); // "before confirm", then 1 and 3
        List<String> made = texts(cable.broadcasts("probe"));
        assertEquals(List.of("1", "2", "3"), made.subList(made.size() - 3, made.size())); // made all the same
    }

    @Test
    void anExtendedClientIsSkippedByItsSidFromAnywhere() {
        TestConnection ext = cable.connectAs(Identity.of("id", "ext"), TestRequest.to("/cable").subprotocol("actioncable-v1-ext-json"));
        String sid = ext.frames().get(0).getString("sid");
        TestSubscription skipped = probe(ext);
        TestSubscription other = probe(cable.connectAs(Identity.of("id", "other")));

        cable.bean(Broadcaster.class).broadcastToOthers("probe", Map.of("n", "a"), sid);
        cable.bean(Broadcaster.class).broadcastToOthers("probe", Map.of("n", "b"), null);

        assertEquals(List.of("a", "b"), texts(other.awaitMessages(3)));
        assertEquals(List.of("b"), texts(skipped.awaitMessages(2)));
    }

    @Test
    void outsideAnyActionItReachesEveryone() {
        TestSubscription one = probe(cable.connectAs(Identity.of("id", "one")));
        cable.bean(Broadcaster.class).broadcastToOthers("probe", Map.of("n", "all"));
        assertEquals(List.of("all"), texts(one.awaitMessages(2)));
    }
}
