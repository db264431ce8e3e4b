package io.jcable.internal.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jcable.broadcast.Broadcaster;
import io.jcable.channel.Identity;
import io.jcable.testing.CableTestKit;
import io.jcable.testing.TestConnection;
import io.jcable.testing.TestRequest;
import io.jcable.testing.TestSubscription;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Stream callbacks (Rails' {@code stream_from "x" do |message| ... end}): a per-subscription filter and transform. */
class StreamCallbackTest {

    private static final String EXT = "actioncable-v1-ext-json";
    private static CableTestKit cable;

    @BeforeAll
    static void start() {
        cable = CableTestKit.start();
    }

    @AfterAll
    static void stop() {
        cable.close();
    }

    private static List<Integer> doubles(List<JsonValue> messages) {
        return messages.stream().map(m -> m.asJsonObject().getInt("double")).toList();
    }

    @Test
    void theCallbackFiltersAndTransformsEveryBroadcastInOrderAndSurvivesItsOwnFailure() {
        TestSubscription filtered = cable.connectAs(Identity.of("id", "f")).subscribe("{\"channel\":\"FilteringChannel\"}")
                .assertConfirmed().assertStreamsFrom("ticks");
        Broadcaster broadcaster = cable.bean(Broadcaster.class);
        IntStream.rangeClosed(1, 200).forEach(n -> broadcaster.broadcast("ticks", Map.of("n", n)));

        List<Integer> expected = IntStream.rangeClosed(1, 200).filter(n -> n % 2 == 0).map(n -> n * 2).boxed().toList();
        assertEquals(expected, doubles(filtered.awaitMessages(100))); // 13 threw: logged, the next ones went on
    }

    @Test
    void afterAnUnsubscribeTheCallbackRunsNoMore() throws InterruptedException {
        TestSubscription filtered = cable.connectAs(Identity.of("id", "g")).subscribe("{\"channel\":\"FilteringChannel\"}");
        filtered.unsubscribe();
        assertEquals(List.of(), filtered.streams());
        cable.bean(Broadcaster.class).broadcast("ticks", Map.of("n", 2));
        Thread.sleep(Duration.ofMillis(200).toMillis());
        assertEquals(List.of(), filtered.messages());
    }

    @Test
    void aRestoredSessionLeavesTheSubscriptionWithACallbackToItsClient() {
        TestConnection first = cable.connectAs(Identity.of("id", "h"), TestRequest.to("/cable").subprotocol(EXT));
        String sid = first.frames().get(0).getString("sid");
        first.subscribe("{\"channel\":\"FilteringChannel\"}").assertConfirmed();
        first.subscribe("{\"channel\":\"ProbeChannel\"}").assertConfirmed();
        first.disconnect();

        TestConnection restored = cable.connect(TestRequest.to("/cable").subprotocol(EXT).param("sid", sid));
        JsonObject welcome = restored.frames().get(0);
        assertTrue(welcome.getBoolean("restored"), welcome.toString());
        List<String> ids = welcome.getJsonArray("restored_ids").getValuesAs(jakarta.json.JsonString.class).stream()
                .map(jakarta.json.JsonString::getString).toList();
        assertEquals(List.of("{\"channel\":\"ProbeChannel\"}"), ids);
        assertFalse(ids.contains("{\"channel\":\"FilteringChannel\"}"));
    }
}
