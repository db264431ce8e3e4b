package io.jcable.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jcable.testing.CableClient;
import io.jcable.testing.CableTarget;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Rails does not keep per-stream order (README, "Differences from Rails"); JCable must, for every subscriber. */
public abstract class OrderingSuite {

    /** The demo application under test. */
    protected abstract CableTarget target();

    private static final String BENCHMARK = "{\"channel\":\"BenchmarkChannel\"}";

    @Test
    void fiveHundredBroadcastsReachTwentySubscribersCompleteAndInOrder() {
        {
            List<CableClient> subscribers = new ArrayList<>();
            try (CableClient sender = target().connect("sender")) {
                for (int i = 0; i < 20; i++) {
                    CableClient subscriber = target().connect("subscriber" + i);
                    subscriber.subscribeConfirmed(BENCHMARK);
                    subscribers.add(subscriber);
                }
                sender.subscribeConfirmed(BENCHMARK);
                for (int seq = 0; seq < 500; seq++) {
                    sender.sendMessage(BENCHMARK, "{\"action\":\"broadcast\",\"seq\":" + seq + "}");
                }
                List<Integer> expected = IntStream.range(0, 500).boxed().toList();
                for (CableClient subscriber : subscribers) {
                    assertEquals(expected, sequence(subscriber, 500, "broadcast"));
                }
                List<Integer> toSender = sequence(sender, 1000, null);
                assertEquals(expected, toSender.subList(0, 500), "broadcasts to the sender, in order");
                assertEquals(expected, toSender.subList(500, 1000), "broadcastResults to the sender, in order");
            } finally {
                subscribers.forEach(CableClient::close);
            }
        }
    }

    /** Reads {@code count} messages; returns their seq, broadcasts first when {@code action} is null. */
    private static List<Integer> sequence(CableClient client, int count, String action) {
        List<Integer> broadcasts = new ArrayList<>();
        List<Integer> results = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            JsonObject message = client.nextJson().getJsonObject("message");
            (message.getString("action").equals("broadcast") ? broadcasts : results).add(message.getInt("seq"));
        }
        if (action != null) {
            assertEquals(List.of(), results);
            return broadcasts;
        }
        List<Integer> all = new ArrayList<>(broadcasts);
        all.addAll(results);
        return all;
    }
}
