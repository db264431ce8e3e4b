package io.jcable.suite;

import static io.jcable.testing.CableClient.message;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jcable.testing.CableClient;
import io.jcable.testing.CableTarget;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** POST /_broadcast, the AnyCable-compatible broadcast API. */
public abstract class BroadcastApiSuite {

    private static final String POST = "{\"channel\":\"CommentsChannel\",\"post_id\":\"1\"}";
    /** The demo application under test. */
    protected abstract CableTarget target();
    private CableClient reader;

    @BeforeEach
    void subscribe() {
        reader = target().connect("reader");
        reader.subscribeConfirmed(POST);
    }

    @AfterEach
    void disconnect() {
        reader.close();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\\\"body\\\":\\\"hi\\\"}     | {\"body\":\"hi\"}",
        "\\\"just text\\\"             | \"just text\"",
        "[1,\\\"two\\\",{}]            | [1,\"two\",{}]",
        "42                            | 42",
        " { \\\"spaced\\\" : true }    | {\"spaced\":true}",
    })
    void deliversTheDecodedDataToEverySubscriber(String data, String delivered) {
        HttpResponse<String> response = target().broadcast("{\"stream\":\"comments:post:1\",\"data\":\"" + data + "\"}");
        assertEquals(201, response.statusCode());
        assertEquals(message(POST, delivered), reader.next());
    }

    @Test
    void deliversABatchInOrder() {
        String body = "[{\"stream\":\"comments:post:1\",\"data\":\"1\"},{\"stream\":\"comments:post:1\",\"data\":\"2\"}]";
        assertEquals(201, target().broadcast(body).statusCode());
        assertEquals(message(POST, "1"), reader.next());
        assertEquals(message(POST, "2"), reader.next());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Bearer wrong-key", "demo-key", "bearer demo-key", "Bearer demo-key2", "Basic ZGVtbzprZXk="})
    void refusesAMissingOrWrongKeyWith401AndBroadcastsNothing(String authorization) {
        HttpResponse<String> response = target().post("_broadcast", "{\"stream\":\"comments:post:1\",\"data\":\"1\"}",
                authorization.isEmpty() ? null : authorization);
        assertEquals(401, response.statusCode());
        reader.expectNothing(Duration.ofMillis(200));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "not json",
        "[]",
        "\"text\"",
        "{\"data\":\"1\"}",
        "{\"stream\":\"\",\"data\":\"1\"}",
        "{\"stream\":7,\"data\":\"1\"}",
        "{\"stream\":\"comments:post:1\"}",
        "{\"stream\":\"comments:post:1\",\"data\":\"not json\"}",
        "{\"stream\":\"comments:post:1\",\"data\":{\"body\":\"object, not a string\"}}",
        "{\"stream\":\"comments:post:1\",\"data\":\"1\"} trailing",
        "[{\"stream\":\"comments:post:1\",\"data\":\"1\"},{\"stream\":\"comments:post:1\"}]",
    })
    void refusesAMalformedBodyWith422AndBroadcastsNothing(String body) {
        assertEquals(422, target().broadcast(body).statusCode());
        reader.expectNothing(Duration.ofMillis(200));
    }

    /** AnyCable's {@code meta.exclude_socket}: the extended client whose sid it names is skipped, and only that one. */
    @Test
    void metaExcludeSocketSkipsTheClientWithThatSid() {
        try (CableClient skipped = CableClient.connect(target().cable("ext"), Map.of(), List.of("actioncable-v1-ext-json"))) {
            String sid = skipped.nextJson().getString("sid");
            skipped.subscribeConfirmed(POST);
            String body = "[{\"stream\":\"comments:post:1\",\"data\":\"1\",\"meta\":{\"exclude_socket\":\"" + sid + "\"}},"
                    + "{\"stream\":\"comments:post:1\",\"data\":\"2\",\"meta\":{\"exclude_socket\":\"another-sid\"}}]";
            assertEquals(201, target().broadcast(body).statusCode());
            assertEquals(message(POST, "1"), reader.next());
            assertEquals(message(POST, "2"), reader.next());
            assertEquals("2", skipped.nextJson().get("message").toString()); // not 1: that one named its sid
            skipped.expectNothing(Duration.ofMillis(200));
        }
    }

    @Test
    void answersOtherMethodsWith405() {
        HttpResponse<String> response = target().send(HttpRequest.newBuilder(target().http("_broadcast")).GET().build());
        assertEquals(405, response.statusCode());
        assertEquals("POST", response.headers().firstValue("Allow").orElse(""));
    }
}
