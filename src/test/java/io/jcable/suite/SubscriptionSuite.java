package io.jcable.suite;

import static io.jcable.testing.CableClient.chat;
import static io.jcable.testing.CableClient.confirmation;
import static io.jcable.testing.CableClient.message;
import static io.jcable.testing.CableClient.rejection;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jcable.testing.CableClient;
import io.jcable.testing.CableTarget;
import io.jcable.testing.Probe;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** subscribe, confirm, reject, unsubscribe; the channel bean's lifecycle. */
public abstract class SubscriptionSuite {

    private static final Duration QUIET = Duration.ofMillis(300);
    /** The demo application under test. */
    protected abstract CableTarget target();

    @Test
    void confirmsEchoingTheIdentifierByteForByte() {
        String identifier = "{ \"room\" : \"caf\\u00e9 \\\"1\\\"\",  \"channel\":\"ChatChannel\" }";
        try (CableClient client = target().connect("alice")) {
            client.subscribe(identifier);
            assertEquals(confirmation(identifier), client.next());
        }
    }

    @Test
    void rejectsAChatWithoutRoomAndStaysUsable() {
        try (CableClient client = target().connect("alice")) {
            for (String identifier : new String[] {"{\"channel\":\"ChatChannel\"}", chat(""), chat("   "),
                    "{\"channel\":\"ChatChannel\",\"room\":null}"}) {
                client.subscribe(identifier);
                assertEquals(rejection(identifier), client.next());
                client.subscribe(identifier);
                assertEquals(rejection(identifier), client.next(), "a retry gets another rejection");
            }
            client.subscribeConfirmed(chat("after-rejections"));
        }
    }

    @Test
    void rejectsAnUnknownChannelInsteadOfStayingSilent() {
        try (CableClient client = target().connect("alice")) {
            String identifier = "{\"channel\":\"NoSuchChannel\"}";
            client.subscribe(identifier);
            assertEquals(rejection(identifier), client.next());
        }
    }

    @Test
    void ignoresAnIdenticalSecondSubscriptionAndDeliversOnce() {
        try (CableClient client = target().connect("alice")) {
            client.subscribeConfirmed(chat("twice"));
            client.subscribe(chat("twice"));
            client.expectNothing(QUIET);
            target().probe().broadcast("chat_twice", "\"hello\"");
            assertEquals(message(chat("twice"), "\"hello\""), client.next());
            client.expectNothing(QUIET);
        }
    }

    @Test
    void treatsADifferentlyFormattedIdentifierAsASecondSubscription() {
        String other = "{\"room\":\"spaced\",\"channel\":\"ChatChannel\"}";
        try (CableClient client = target().connect("alice")) {
            client.subscribeConfirmed(chat("spaced"));
            client.subscribeConfirmed(other);
            target().probe().broadcast("chat_spaced", "1");
            Set<String> received = new HashSet<>(Set.of(client.next(), client.next()));
            assertEquals(Set.of(message(chat("spaced"), "1"), message(other, "1")), received);
        }
    }

    @Test
    void unsubscribeIsNotAnsweredAndTheLeaverHearsItsOwnLeaving() {
        try (CableClient alice = target().connect("alice"); CableClient bob = target().connect("bob")) {
            alice.subscribeConfirmed(chat("leave"));
            bob.subscribeConfirmed(chat("leave"));
            alice.unsubscribe(chat("leave"));
            String left = message(chat("leave"), "{\"user\":\"alice\",\"performed\":\"left\"}");
            assertEquals(left, bob.next());
            assertEquals(left, alice.next());
            // Commands run in order: once this is confirmed, the unsubscribe has been carried out.
            alice.subscribeConfirmed(chat("sync"));
            target().probe().broadcast("chat_leave", "\"after\"");
            assertEquals(message(chat("leave"), "\"after\""), bob.next());
            alice.expectNothing(QUIET);
        }
    }

    @Test
    void whatTheChannelTransmitsWhileSubscribingArrivesBeforeTheConfirmation() {
        String identifier = "{\"channel\":\"ProbeChannel\"}";
        try (CableClient client = target().connect("alice")) {
            client.subscribe(identifier);
            assertEquals(message(identifier, "\"before confirm\""), client.next());
            assertEquals(confirmation(identifier), client.next());
        }
    }

    @Test
    void makesAFreshChannelBeanPerSubscriptionAndDestroysItOnUnsubscribeAndOnClose() {
        Probe probe = target().probe();
        probe.awaitIdle();
        int live = probe.state("liveChannelBeans");
        try (CableClient client = target().connect("alice")) {
            client.subscribeConfirmed("{\"channel\":\"ProbeChannel\",\"n\":1}");
            client.subscribeConfirmed("{\"channel\":\"ProbeChannel\",\"n\":2}");
            assertEquals(live + 2, probe.state("liveChannelBeans"));
            client.unsubscribe("{\"channel\":\"ProbeChannel\",\"n\":1}");
            await().atMost(Duration.ofSeconds(5)).until(() -> probe.state("liveChannelBeans") == live + 1);
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> probe.state("liveChannelBeans") == live);
    }

    @Test
    void aRejectedSubscriptionLeavesNoBeanAndNoStream() {
        Probe probe = target().probe();
        probe.awaitIdle();
        int live = probe.state("liveChannelBeans");
        String identifier = "{\"channel\":\"ProbeChannel\",\"mode\":\"reject\"}";
        try (CableClient client = target().connect("alice")) {
            client.subscribe(identifier);
            assertEquals(message(identifier, "\"before confirm\""), client.next());
            assertEquals(rejection(identifier), client.next());
            client.subscribeConfirmed(chat("sync"));
            await().atMost(Duration.ofSeconds(5)).until(() -> probe.state("streamSubscriptions") == 1);
            assertEquals(live, probe.state("liveChannelBeans"));
            target().probe().broadcast("probe", "\"nobody\"");
            client.expectNothing(QUIET);
        }
    }

    @Test
    void confirmsFiftyPipelinedSubscriptions() {
        try (CableClient client = target().connect("alice")) {
            StringBuilder all = new StringBuilder();
            Set<String> expected = new HashSet<>();
            for (int i = 0; i < 50; i++) {
                client.subscribe(chat("pipe" + i));
                expected.add(confirmation(chat("pipe" + i)));
            }
            Set<String> received = new HashSet<>();
            for (int i = 0; i < 50; i++) {
                received.add(client.next());
            }
            assertEquals(expected, received, all::toString);
        }
    }
}
