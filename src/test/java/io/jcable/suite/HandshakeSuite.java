package io.jcable.suite;

import static io.jcable.testing.CableClient.headers;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import io.jcable.testing.CableClient;
import io.jcable.testing.CableTarget;
import io.jcable.testing.Probe;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Connecting: subprotocol, welcome, ping, identification, origins. */
public abstract class HandshakeSuite {

    private static final String UNAUTHORIZED = "{\"type\":\"disconnect\",\"reason\":\"unauthorized\",\"reconnect\":false}";
    private static final String TOKEN_EXPIRED = "{\"type\":\"disconnect\",\"reason\":\"token_expired\",\"reconnect\":false}";
    /** The demo application under test. */
    protected abstract CableTarget target();

    @Test
    void welcomesFirstOverTheNegotiatedSubprotocol() {
        try (CableClient client = CableClient.connect(target().cable("alice"))) {
            assertEquals("actioncable-v1-json", client.subprotocol());
            assertEquals("{\"type\":\"welcome\"}", client.nextFrame());
        }
    }

    @Test
    void picksTheClientsFirstKnownSubprotocolAsRailsDoes() {
        try (CableClient client = CableClient.connect(target().cable("alice"), Map.of(),
                List.of("actioncable-unsupported", "actioncable-v1-json"))) {
            assertEquals("actioncable-unsupported", client.subprotocol());
        }
    }

    @Test
    void welcomesAClientThatOffersNoSubprotocolAsRailsDoes() {
        try (CableClient client = CableClient.connect(target().cable("alice"), Map.of(), List.of())) {
            assertEquals("", client.subprotocol());
            assertEquals("{\"type\":\"welcome\"}", client.nextFrame());
        }
    }

    @Test
    void pingsEveryThreeSecondsWithUnixSeconds() {
        try (CableClient client = target().connect("alice")) {
            long first = pingTime(client.nextFrame());
            long received = System.nanoTime();
            long second = pingTime(client.nextFrame());
            double interval = (System.nanoTime() - received) / 1e9;
            assertEquals(3, second - first);
            assertTrue(interval > 2.5 && interval < 3.5, "interval " + interval);
            assertTrue(Math.abs(first - Instant.now().getEpochSecond()) <= 4);
        }
    }

    private static long pingTime(String frame) {
        assertTrue(frame.matches("\\{\"type\":\"ping\",\"message\":\\d+}"), frame);
        return Long.parseLong(frame.replaceAll("\\D", ""));
    }

    static List<String> badTokens() {
        Instant now = Instant.now();
        String noneHeader = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes());
        String idPayload = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"id\":\"alice\"}".getBytes());
        Algorithm demoKey = Algorithm.HMAC256("demo-secret");
        return List.of(
                "",
                "not-a-jwt",
                JWT.create().withClaim("id", "alice").sign(Algorithm.HMAC256("another-secret")),
                JWT.create().withClaim("id", "alice").withExpiresAt(now.minusSeconds(60)).sign(demoKey),
                noneHeader + "." + idPayload + ".",
                JWT.create().withClaim("id", "alice").sign(Algorithm.HMAC512("demo-secret")),
                JWT.create().withClaim("name", "alice").sign(demoKey),
                JWT.create().withClaim("id", 42).sign(demoKey),
                JWT.create().withClaim("id", "").sign(demoKey));
    }

    @ParameterizedTest
    @MethodSource("badTokens")
    void refusesABadTokenWithUnauthorizedThenCloses(String token) {
        Probe probe = target().probe();
        probe.awaitIdle(); // an earlier test's client may still be saying goodbye in the log
        probe.clearLog();
        try (CableClient client = CableClient.connect(target().cableWithToken(token))) {
            assertEquals(UNAUTHORIZED, client.nextFrame());
            assertEquals(1000, client.awaitClose().code());
            assertEquals(List.of(), client.drain(), "nothing after the disconnect, no welcome");
            List<Probe.Line> lines = probe.log();
            assertEquals(1, lines.size(), lines::toString);
            assertTrue(lines.get(0).message().contains("unauthorized"), lines::toString);
            if (!token.isEmpty()) {
                assertFalse(lines.get(0).message().contains(token), "the token must not be logged");
            }
        }
    }

    @Test
    void noTokenReachesTheLogAtAnyLevel() {
        Probe probe = target().probe();
        probe.awaitIdle();
        probe.clearLog();
        String good = target().token("alice");
        String forged = JWT.create().withClaim("id", "mallory").sign(Algorithm.HMAC256("not-the-secret"));
        String room = CableClient.chat("lobby");
        probe.verboseLog(true);
        try {
            try (CableClient client = CableClient.connect(target().cableWithToken(good))) {
                assertEquals("{\"type\":\"welcome\"}", client.nextFrame());
                client.subscribeConfirmed(room);
                client.sendMessage(room, "{\"message\":\"hello\"}");
                client.send("not json");
                client.send("{\"command\":\"nope\",\"identifier\":\"{}\"}");
                client.unsubscribe(room);
                // Rails answers neither frame: wait until both were read (a close would overtake them on WildFly).
                await().atMost(Duration.ofSeconds(5)).until(() -> probe.log().stream()
                        .filter(line -> line.message().contains("ignored a frame")).count() == 2);
            }
            try (CableClient refused = CableClient.connect(target().cableWithToken(forged))) {
                assertEquals(UNAUTHORIZED, refused.nextFrame());
                refused.awaitClose();
            }
            probe.awaitIdle();
            List<Probe.Line> lines = probe.log();
            // DEBUG is FINE in java.util.logging, DEBUG in JBoss LogManager.
            assertTrue(lines.stream().anyMatch(line -> Set.of("FINE", "DEBUG").contains(line.level())), lines::toString);
            assertTrue(lines.stream().anyMatch(line -> line.message().contains("ignored a frame")), lines::toString);
            for (String token : List.of(good, forged)) {
                String signature = token.substring(token.lastIndexOf('.') + 1);
                lines.forEach(line -> assertFalse(line.toString().contains(signature), "a token in the log: " + line));
            }
        } finally {
            probe.verboseLog(false);
        }
    }

    @Test
    void refusesAConnectionWithoutToken() {
        String withToken = target().cableWithToken("x").toString();
        try (CableClient client = CableClient.connect(URI.create(withToken.substring(0, withToken.indexOf('?'))))) {
            assertEquals(UNAUTHORIZED, client.nextFrame());
            assertEquals(1000, client.awaitClose().code());
        }
    }

    @Test
    void aTokenGivenTwiceCountsByItsLastValueAsRackReadsIt() {
        String good = target().token("alice");
        String base = target().cableWithToken("").toString();
        try (CableClient lastGood = CableClient.connect(URI.create(base + "forged&token=" + good))) {
            assertEquals("{\"type\":\"welcome\"}", lastGood.nextFrame());
        }
        try (CableClient lastForged = CableClient.connect(URI.create(base + good + "&token=forged"))) {
            assertEquals(UNAUTHORIZED, lastForged.nextFrame());
        }
    }

    /** The demo contract: CABLE_ALLOWED_ORIGINS unset, any origin (the demo passes jcable.allowed-origins=*; see OriginsSuite for JCable's own default). */
    @Test
    void theDemoAcceptsAnyOriginWhileCableAllowedOriginsIsUnset() {
        try (CableClient client = CableClient.connect(target().cable("alice"), headers("Origin", "http://anywhere.example"),
                CableClient.OFFERED)) {
            assertEquals("{\"type\":\"welcome\"}", client.next());
            client.expectNothing(Duration.ofMillis(100));
        }
    }

    /** AnyCable's token: HS256 with the demo secret, the identifiers as JSON text in {@code ext}. */
    private static String jid(String ext, Instant expires) {
        return JWT.create().withClaim("ext", ext).withExpiresAt(expires).sign(Algorithm.HMAC256("demo-secret"));
    }

    private URI cableWithJid(String jid) {
        return URI.create(target().cableWithToken("").toString().replace("?token=", "?jid=") + jid);
    }

    @Test
    void anAnyCableJidIdentifiesTheUserByItsExtClaim() {
        try (CableClient client = CableClient.connect(cableWithJid(jid("{\"id\":\"carol\"}", Instant.now().plusSeconds(60))))) {
            assertEquals("{\"type\":\"welcome\"}", client.next());
            String room = CableClient.chat("jid");
            client.subscribeConfirmed(room);
            client.sendMessage(room, "{\"message\":\"hi\"}");
            assertEquals(CableClient.message(room, "{\"message\":\"hi\",\"current_user_id\":\"carol\"}"), client.next());
        }
    }

    @Test
    void aJidMayComeInTheXJidHeader() {
        String withToken = target().cableWithToken("x").toString();
        URI bare = URI.create(withToken.substring(0, withToken.indexOf('?')));
        try (CableClient client = CableClient.connect(bare, headers("X-JID", jid("{\"id\":\"carol\"}",
                Instant.now().plusSeconds(60))), CableClient.OFFERED)) {
            assertEquals("{\"type\":\"welcome\"}", client.next());
        }
    }

    /** What a browser does, which cannot set headers: the token as a subprotocol, which is never selected. */
    @Test
    void aJidMayComeAsTheAnyCableTokenSubprotocol() {
        String withToken = target().cableWithToken("x").toString();
        URI bare = URI.create(withToken.substring(0, withToken.indexOf('?')));
        String jid = jid("{\"id\":\"carol\"}", Instant.now().plusSeconds(60));
        try (CableClient client = CableClient.connect(bare, Map.of(), List.of("actioncable-v1-json", "anycable-token." + jid))) {
            assertEquals("actioncable-v1-json", client.subprotocol());
            assertEquals("{\"type\":\"welcome\"}", client.next());
            String room = CableClient.chat("jid-subprotocol");
            client.subscribeConfirmed(room);
            client.sendMessage(room, "{\"message\":\"hi\"}");
            assertEquals(CableClient.message(room, "{\"message\":\"hi\",\"current_user_id\":\"carol\"}"), client.next());
        }
        String expired = jid("{\"id\":\"carol\"}", Instant.now().minusSeconds(5));
        try (CableClient client = CableClient.connect(bare, Map.of(), List.of("actioncable-v1-json", "anycable-token." + expired))) {
            assertEquals(TOKEN_EXPIRED, client.nextFrame());
        }
    }

    /** So that @anycable/web's token refresher fetches a new token instead of giving up. */
    @Test
    void anExpiredJidIsToldTokenExpiredWithoutReconnect() {
        try (CableClient client = CableClient.connect(cableWithJid(jid("{\"id\":\"carol\"}", Instant.now().minusSeconds(5))))) {
            assertEquals(TOKEN_EXPIRED, client.nextFrame());
            assertEquals(1000, client.awaitClose().code());
            assertEquals(List.of(), client.drain(), "nothing after the disconnect, no welcome");
        }
    }

    @Test
    void anyOtherBadJidIsUnauthorizedEvenWhenExpired() {
        Instant later = Instant.now().plusSeconds(60);
        String noneHeader = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes());
        for (String bad : List.of(
                JWT.create().withClaim("ext", "{\"id\":\"carol\"}").withExpiresAt(Instant.now().minusSeconds(5))
                        .sign(Algorithm.HMAC256("another-secret")),
                JWT.create().withClaim("ext", "{\"id\":\"carol\"}").sign(Algorithm.HMAC256("another-secret")),
                noneHeader + "." + jid("{\"id\":\"carol\"}", later).split("\\.")[1] + ".",
                JWT.create().withClaim("id", "carol").withExpiresAt(later).sign(Algorithm.HMAC256("demo-secret")),
                jid("carol", later),
                "not-a-jwt")) {
            try (CableClient client = CableClient.connect(cableWithJid(bad))) {
                assertEquals(UNAUTHORIZED, client.nextFrame(), bad);
                assertEquals(1000, client.awaitClose().code());
            }
        }
    }
}
