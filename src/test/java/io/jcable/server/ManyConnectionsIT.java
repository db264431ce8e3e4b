package io.jcable.server;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jcable.testing.CableClient;
import io.jcable.testing.DemoServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** 1000 connections open together (100 opening at a time), each welcomed, subscribed and reached by a broadcast. */
class ManyConnectionsIT {

    private static final int CONNECTIONS = 1000;
    private static final String POST = "{\"channel\":\"CommentsChannel\",\"post_id\":\"1000\"}";

    @Test
    void aThousandConnectionsAreWelcomedSubscribedAndReached() {
        try (DemoServer demo = DemoServer.start()) {
            List<CableClient> clients = new ArrayList<>();
            try {
                for (int batch = 0; batch < CONNECTIONS / 100; batch++) {
                    List<CompletableFuture<CableClient>> opening = new ArrayList<>();
                    for (int i = 0; i < 100; i++) {
                        opening.add(CableClient.connectAsync(demo.cable("user" + (batch * 100 + i))));
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
                ConnectionRegistry connections = demo.bean(ConnectionRegistry.class);
                assertEquals(CONNECTIONS, connections.size());
                assertEquals(CONNECTIONS, connections.subscriptionCount());

                assertEquals(201, demo.broadcast("{\"stream\":\"comments:post:1000\",\"data\":\"\\\"to all\\\"\"}").statusCode());
                for (CableClient client : clients) {
                    assertEquals(CableClient.message(POST, "\"to all\""), client.next());
                }
            } finally {
                clients.forEach(CableClient::close);
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> demo.bean(ConnectionRegistry.class).size() == 0);
        }
    }
}
