package io.jcable.suite;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jcable.testing.CableClient;
import io.jcable.testing.CableTarget;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** 1000 connections open together (100 opening at a time), each welcomed, subscribed and reached by a broadcast. */
public abstract class ManyConnectionsSuite {

    /** The demo application under test. */
    protected abstract CableTarget target();

    private static final int CONNECTIONS = 1000;
    private static final String POST = "{\"channel\":\"CommentsChannel\",\"post_id\":\"1000\"}";

    @Test
    void aThousandConnectionsAreWelcomedSubscribedAndReached() {
        target().probe().awaitIdle();
        {
            List<CableClient> clients = new ArrayList<>();
            try {
                for (int batch = 0; batch < CONNECTIONS / 100; batch++) {
                    List<CompletableFuture<CableClient>> opening = new ArrayList<>();
                    for (int i = 0; i < 100; i++) {
                        opening.add(CableClient.connectAsync(target().cable("user" + (batch * 100 + i))));
                    }
                    opening.forEach(future -> clients.add(future.join()));
                }
                for (CableClient client : clients) {
                    assertEquals("{\"type\":\"welcome\"}", client.next());
                    client.subscribe(POST);
                }
                for (CableClient client : clients) {
                    assertEquals(CableClient.confirmation(POST), client.next());
                }
                assertEquals(CONNECTIONS, target().probe().state("connections"));
                assertEquals(CONNECTIONS, target().probe().state("connectionSubscriptions"));

                assertEquals(201, target().broadcast("{\"stream\":\"comments:post:1000\",\"data\":\"\\\"to all\\\"\"}").statusCode());
                for (CableClient client : clients) {
                    assertEquals(CableClient.message(POST, "\"to all\""), client.next());
                }
            } finally {
                clients.forEach(CableClient::close);
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> target().probe().state("connections") == 0);
        }
    }
}
