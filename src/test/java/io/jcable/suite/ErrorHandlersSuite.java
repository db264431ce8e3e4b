package io.jcable.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jcable.testing.CableClient;
import io.jcable.testing.CableTarget;
import io.jcable.testing.Probe;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Error handlers (Rails' {@code rescue_from}): a channel's {@code @Rescue} methods by the closest
 * exception type, then the application's {@code ChannelExceptionHandler}s, then one log line; a handler
 * transmits, rejects or disconnects, and the connection goes on otherwise.
 */
public abstract class ErrorHandlersSuite {

    private static final String RESCUING = "{\"channel\":\"RescuingChannel\"}";

    protected abstract CableTarget target();

    private static String perform(String action) {
        return "{\"action\":\"" + action + "\"}";
    }

    @Test
    void theChannelsClosestHandlerTakesWhatItsActionsThrow() {
        try (CableClient client = target().connect("alice")) {
            client.subscribeConfirmed(RESCUING);
            client.sendMessage(RESCUING, perform("number"));
            assertEquals(CableClient.message(RESCUING, "{\"by\":\"NumberFormatException\",\"rescued\":\"not a number\"}"),
                    client.next(), "NumberFormatException's own handler, not its superclass's");
            client.sendMessage(RESCUING, perform("argument"));
            assertEquals(CableClient.message(RESCUING, "{\"by\":\"IllegalArgumentException\",\"rescued\":\"not that\"}"),
                    client.next());
            client.assertOpen();
        }
    }

    @Test
    void whatNoneOfTheChannelsHandlersTakesGoesToTheApplications() {
        try (CableClient client = target().connect("bob")) {
            client.subscribeConfirmed(RESCUING);
            client.sendMessage(RESCUING, perform("unsupported"));
            assertEquals(CableClient.message(RESCUING, "{\"by\":\"the application\",\"rescued\":\"not here\"}"), client.next());
            client.sendMessage(RESCUING, perform("forbidden"));
            assertEquals("{\"type\":\"disconnect\",\"reason\":\"invalid_request\",\"reconnect\":false}", client.next(),
                    "the application's handler disconnects");
            client.awaitClose();
        }
    }

    @Test
    void aHandlerInSubscribedMayRejectOrLetTheSubscriptionBeConfirmed() {
        String missing = "{\"channel\":\"RescuingChannel\",\"mode\":\"missing\"}";
        String argument = "{\"channel\":\"RescuingChannel\",\"mode\":\"argument\"}";
        try (CableClient client = target().connect("carol")) {
            client.subscribe(missing);
            assertEquals(CableClient.message(missing, "{\"error\":\"no such room\"}"), client.next());
            assertEquals(CableClient.rejection(missing), client.next());
            client.subscribe(argument);
            assertEquals(CableClient.message(argument, "{\"by\":\"IllegalArgumentException\",\"rescued\":\"a bad argument, but welcome\"}"),
                    client.next());
            assertEquals(CableClient.confirmation(argument), client.next(), "handled: confirmed");
        }
    }

    @Test
    void aHandlerThatFailsIsLoggedAndTheConnectionGoesOn() {
        Probe probe = target().probe();
        probe.clearLog();
        try (CableClient client = target().connect("dave")) {
            client.subscribeConfirmed(RESCUING);
            client.sendMessage(RESCUING, perform("handlerFails"));
            client.expectNothing(Duration.ofMillis(300));
            client.sendMessage(RESCUING, perform("number"));
            assertTrue(client.next().contains("NumberFormatException"), "still served");
        }
        assertTrue(probe.log().stream().anyMatch(line -> line.message().contains("the handler of java.io.UncheckedIOException")
                && line.message().contains("the handler itself failed")), probe.log()::toString);
    }
}
