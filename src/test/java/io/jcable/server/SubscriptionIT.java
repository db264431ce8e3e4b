package io.jcable.server;

import io.jcable.server.probe.ProbeChannel;
import io.jcable.server.probe.ProbeLog;
import static io.jcable.testing.CableClient.chat;
import static io.jcable.testing.CableClient.confirmation;
import static io.jcable.testing.CableClient.message;
import static io.jcable.testing.CableClient.rejection;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jcable.broadcast.Broadcaster;
import io.jcable.broadcast.StreamRegistry;
import io.jcable.testing.CableClient;
import io.jcable.testing.DemoServer;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** subscribe, confirm, reject, unsubscribe; the channel bean's lifecycle. */
class SubscriptionIT {

    private static final Duration QUIET = Duration.ofMillis(300);
    @RegisterExtension
    static final DemoServer demo = DemoServer.perClass();

    @Test
    void confirmsEchoingTheIdentifierByteForByte() {
        String identifier = "{ \"room\" : \"caf\\u00e9 \\\"1\\\"\",  \"channel\":\"ChatChannel\" }";
        try (CableClient client = demo.connect("alice")) {
            client.subscribe(identifier);
            assertEquals(confirmation(identifier), client.next());
        }
    }

    @Test
    void rejectsAChatWithoutRoomAndStaysUsable() {
        try (CableClient client = demo.connect("alice")) {
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
        try (CableClient client = demo.connect("alice")) {
            String identifier = "{\"channel\":\"NoSuchChannel\"}";
            client.subscribe(identifier);
            assertEquals(rejection(identifier), client.next());
        }
    }

    @Test
    void ignoresAnIdenticalSecondSubscriptionAndDeliversOnce() {
        try (CableClient client = demo.connect("alice")) {
            client.subscribeConfirmed(chat("twice"));
            client.subscribe(chat("twice"));
            client.expectNothing(QUIET);
            demo.bean(Broadcaster.class).broadcast("chat_twice", "hello");
            assertEquals(message(chat("twice"), "\"hello\""), client.next());
            client.expectNothing(QUIET);
        }
    }

    @Test
    void treatsADifferentlyFormattedIdentifierAsASecondSubscription() {
        String other = "{\"room\":\"spaced\",\"channel\":\"ChatChannel\"}";
        try (CableClient client = demo.connect("alice")) {
            client.subscribeConfirmed(chat("spaced"));
            client.subscribeConfirmed(other);
            demo.bean(Broadcaster.class).broadcast("chat_spaced", 1);
            Set<String> received = new HashSet<>(Set.of(client.next(), client.next()));
            assertEquals(Set.of(message(chat("spaced"), "1"), message(other, "1")), received);
        }
    }

    @Test
    void unsubscribeIsNotAnsweredAndTheLeaverHearsItsOwnLeaving() {
        try (CableClient alice = demo.connect("alice"); CableClient bob = demo.connect("bob")) {
            alice.subscribeConfirmed(chat("leave"));
            bob.subscribeConfirmed(chat("leave"));
            alice.unsubscribe(chat("leave"));
            String left = message(chat("leave"), "{\"user\":\"alice\",\"performed\":\"left\"}");
            assertEquals(left, bob.next());
            assertEquals(left, alice.next());
            // Commands run in order: once this is confirmed, the unsubscribe has been carried out.
            alice.subscribeConfirmed(chat("sync"));
            demo.bean(Broadcaster.class).broadcast("chat_leave", "after");
            assertEquals(message(chat("leave"), "\"after\""), bob.next());
            alice.expectNothing(QUIET);
        }
    }

    @Test
    void whatTheChannelTransmitsWhileSubscribingArrivesBeforeTheConfirmation() {
        String identifier = "{\"channel\":\"ProbeChannel\"}";
        try (CableClient client = demo.connect("alice")) {
            client.subscribe(identifier);
            assertEquals(message(identifier, "\"before confirm\""), client.next());
            assertEquals(confirmation(identifier), client.next());
        }
    }

    @Test
    void makesAFreshChannelBeanPerSubscriptionAndDestroysItOnUnsubscribeAndOnClose() {
        ProbeLog log = demo.bean(ProbeLog.class);
        int created = log.created();
        int destroyed = log.destroyed();
        try (CableClient client = demo.connect("alice")) {
            client.subscribeConfirmed("{\"channel\":\"ProbeChannel\",\"n\":1}");
            client.subscribeConfirmed("{\"channel\":\"ProbeChannel\",\"n\":2}");
            assertEquals(created + 2, log.created());
            client.unsubscribe("{\"channel\":\"ProbeChannel\",\"n\":1}");
            await().atMost(Duration.ofSeconds(5)).until(() -> log.destroyed() == destroyed + 1);
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> log.destroyed() == destroyed + 2);
    }

    @Test
    void aRejectedSubscriptionLeavesNoBeanAndNoStream() {
        demo.awaitIdle();
        ProbeLog log = demo.bean(ProbeLog.class);
        StreamRegistry streams = demo.bean(StreamRegistry.class);
        int live = log.live();
        String identifier = "{\"channel\":\"ProbeChannel\",\"mode\":\"reject\"}";
        try (CableClient client = demo.connect("alice")) {
            client.subscribe(identifier);
            assertEquals(message(identifier, "\"before confirm\""), client.next());
            assertEquals(rejection(identifier), client.next());
            client.subscribeConfirmed(chat("sync"));
            await().atMost(Duration.ofSeconds(5)).until(() -> streams.subscriptionCount() == 1);
            assertEquals(live, log.live());
            demo.bean(Broadcaster.class).broadcast("probe", "nobody");
            client.expectNothing(QUIET);
        }
    }

    @Test
    void confirmsFiftyPipelinedSubscriptions() {
        try (CableClient client = demo.connect("alice")) {
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
