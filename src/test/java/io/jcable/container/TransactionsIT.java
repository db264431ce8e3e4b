package io.jcable.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jcable.testing.CableClient;
import io.jcable.testing.CableTarget;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A broadcast made inside a JTA transaction, by a @Stateless EJB or a @Transactional JAX-RS
 * resource, reaches subscribers after the commit, and never after a rollback.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TransactionsIT {

    private static final long HOLD = 1500;

    @Deployment(testable = false)
    static WebArchive transactions() {
        return ContainerWars.transactions();
    }

    @ArquillianResource
    URL base;

    private CableTarget target() {
        return Deployed.at(base);
    }

    private static String comments(String post) {
        return "{\"channel\":\"CommentsChannel\",\"post_id\":\"" + post + "\"}";
    }

    @ParameterizedTest
    @ValueSource(strings = {"ejb", "rest"})
    void aCommittedBroadcastArrivesOnlyAfterTheCommit(String via) {
        String post = "commit-" + via;
        try (CableClient reader = target().connect("reader")) {
            reader.subscribeConfirmed(comments(post));
            long started = System.nanoTime();
            CompletableFuture<HttpResponse<String>> call = post(via + "/" + post + "?hold=" + HOLD);
            String delivered = reader.next();
            long arrivedMillis = (System.nanoTime() - started) / 1_000_000;
            assertTrue(delivered.contains("\"via\":\"" + via + "\""), delivered);
            assertTrue(arrivedMillis >= HOLD, "delivered " + arrivedMillis + " ms after the call, while the "
                    + "transaction was still open for " + HOLD + " ms");
            assertEquals(204, call.join().statusCode());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ejb", "rest"})
    void aRolledBackBroadcastNeverArrives(String via) {
        String post = "rollback-" + via;
        try (CableClient reader = target().connect("reader")) {
            reader.subscribeConfirmed(comments(post));
            HttpResponse<String> response = post(via + "/" + post + "?rollback=true").join();
            assertTrue(response.statusCode() >= 400 || via.equals("ejb"), "status " + response.statusCode());
            reader.expectNothing(Duration.ofMillis(1500));
            assertEquals(204, post(via + "/" + post).join().statusCode());
            assertTrue(reader.next().contains("\"via\":\"" + via + "\""), "the next, committed, broadcast arrives");
        }
    }

    @Test
    void turboStreamsFromAnEjbArriveAfterTheCommitTheirRefreshesDebouncedAndNeverAfterARollback() {
        String post = "turbo";
        String append = "\"<turbo-stream action=\\\"append\\\" target=\\\"comments\\\"><template><p>from the EJB</p></template></turbo-stream>\"";
        String refresh = "\"<turbo-stream action=\\\"refresh\\\"></turbo-stream>\"";
        try (CableClient reader = target().connect("reader")) {
            reader.subscribeConfirmed(comments(post));
            assertEquals(204, post("turbo/" + post + "?refreshes=3&rollback=true").join().statusCode());
            reader.expectNothing(Duration.ofMillis(1500));
            assertEquals(204, post("turbo/" + post + "?refreshes=3").join().statusCode());
            assertEquals(CableClient.message(comments(post), append), reader.next());
            assertEquals(CableClient.message(comments(post), refresh), reader.next(), "three refreshes, one broadcast");
            reader.expectNothing(Duration.ofMillis(1000));
        }
    }

    private CompletableFuture<HttpResponse<String>> post(String path) {
        return CableTarget.HTTP.sendAsync(HttpRequest.newBuilder(target().http("api/comments/" + path))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }
}
