package io.jcable.internal.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jcable.testing.CableClient;
import io.jcable.testing.DemoServer;
import io.jcable.turbo.TurboStream;
import io.jcable.turbo.TurboStreams;
import jakarta.json.Json;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * TurboStreams' broadcasts on the standalone runtime: an action reaches the stream of its
 * streamables as the JSON string of its HTML, and refreshes are debounced per stream. (Inside JTA
 * transactions: container's TransactionsIT.)
 */
class TurboBroadcastIT {

    @RegisterExtension
    static final DemoServer demo = DemoServer.perClass();

    private static String comments(String post) {
        return "{\"channel\":\"CommentsChannel\",\"post_id\":\"" + post + "\"}";
    }

    private static String frame(String identifier, String html) {
        return CableClient.message(identifier, Json.createValue(html).toString());
    }

    @Test
    void anActionReachesTheStreamOfItsStreamablesAsItsHtml() {
        String post = UUID.randomUUID().toString();
        try (CableClient reader = demo.connect("reader")) {
            reader.subscribeConfirmed(comments(post));
            TurboStream append = TurboStream.append("comments", "<p>Nice</p>");
            demo.bean(TurboStreams.class).broadcastTo(append, "comments", "post", post);
            assertEquals(frame(comments(post), append.html()), reader.next());
        }
    }

    @Test
    void refreshesOfOneStreamWithinHalfASecondGoOutAsOne() throws InterruptedException {
        String post = UUID.randomUUID().toString();
        String other = UUID.randomUUID().toString();
        String refresh = TurboStream.refresh().html();
        TurboStreams turbo = demo.bean(TurboStreams.class);
        try (CableClient reader = demo.connect("reader")) {
            reader.subscribeConfirmed(comments(post));
            reader.subscribeConfirmed(comments(other));
            for (int i = 0; i < 5; i++) {
                turbo.broadcastRefreshTo("comments", "post", post);
            }
            turbo.broadcastRefreshTo("comments", "post", other);
            long started = System.nanoTime();
            String first = reader.next();
            String second = reader.next();
            long waited = (System.nanoTime() - started) / 1_000_000;
            assertEquals(Set.of(frame(comments(post), refresh), frame(comments(other), refresh)),
                    Set.of(first, second), "one refresh per stream");
            assertTrue(waited >= 400, "sent at the end of the window, after " + waited + " ms");
            reader.expectNothing(Duration.ofMillis(800));
            turbo.broadcastRefreshTo("comments", "post", post); // a new window
            assertEquals(frame(comments(post), refresh), reader.next());
        }
    }
}
