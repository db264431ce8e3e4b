package io.jcable.internal.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import io.jcable.channel.ConnectionRejected;
import io.jcable.channel.Identity;
import io.jcable.channel.TokenExpired;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Tokens made by an independent JWT library (java-jwt), verified by ours. */
class AnyCableTokenTest {

    private static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");
    private final AnyCableToken token = new AnyCableToken("s3cret");

    private static String jid(Algorithm algorithm, String ext, Instant expires) {
        var builder = JWT.create().withClaim("ext", ext);
        if (expires != null) {
            builder.withExpiresAt(expires);
        }
        return builder.sign(algorithm);
    }

    @Test
    void aGenuineTokenGivesTheIdentifiersOfItsExtClaim() {
        Identity identity = token.verify(jid(Algorithm.HMAC256("s3cret"), "{\"id\":\"alice\",\"room\":42}", NOW.plusSeconds(60)), NOW);
        assertEquals(Map.of("id", "alice", "room", "42"), identity.identifiers());
    }

    @Test
    void everyHmacAlgorithmIsAcceptedAndATokenWithoutExpiryToo() {
        assertEquals("bob", token.verify(jid(Algorithm.HMAC384("s3cret"), "{\"id\":\"bob\"}", null), NOW).get("id"));
        assertEquals("bob", token.verify(jid(Algorithm.HMAC512("s3cret"), "{\"id\":\"bob\"}", null), NOW).get("id"));
    }

    @Test
    void anExpiredGenuineTokenIsTokenExpired() {
        String expired = jid(Algorithm.HMAC256("s3cret"), "{\"id\":\"alice\"}", NOW.minus(Duration.ofSeconds(1)));
        assertInstanceOf(TokenExpired.class, assertThrows(ConnectionRejected.class, () -> token.verify(expired, NOW)));
        String atExpiry = jid(Algorithm.HMAC256("s3cret"), "{\"id\":\"alice\"}", NOW);
        assertInstanceOf(TokenExpired.class, assertThrows(ConnectionRejected.class, () -> token.verify(atExpiry, NOW)));
    }

    @Test
    void anExpiredForgeryIsUnauthorizedNotExpired() {
        String forged = jid(Algorithm.HMAC256("other"), "{\"id\":\"alice\"}", NOW.minusSeconds(10));
        assertRejected(forged, "bad signature");
    }

    @Test
    void otherAlgorithmsAndNoneAreRefused() {
        String none = JWT.create().withClaim("ext", "{\"id\":\"alice\"}").sign(Algorithm.none());
        assertRejected(none, "algorithm \"none\"");
        String claims = none.split("\\.")[1];
        assertRejected(base64("{\"alg\":\"RS256\",\"typ\":\"JWT\"}") + "." + claims + ".c2ln", "algorithm \"RS256\"");
        assertRejected(base64("{\"typ\":\"JWT\"}") + "." + claims + ".c2ln", "algorithm null");
    }

    @Test
    void aTokenNotYetValidIsRefused() {
        String later = JWT.create().withClaim("ext", "{\"id\":\"alice\"}").withNotBefore(NOW.plusSeconds(60))
                .sign(Algorithm.HMAC256("s3cret"));
        assertRejected(later, "not valid before");
    }

    @Test
    void identifiersMustBeAJsonObjectInTheExtClaim() {
        assertRejected(JWT.create().withClaim("id", "alice").sign(Algorithm.HMAC256("s3cret")), "no ext claim");
        assertRejected(jid(Algorithm.HMAC256("s3cret"), "alice", null), "ext claim is not JSON");
        assertRejected(jid(Algorithm.HMAC256("s3cret"), "[\"alice\"]", null), "not a JSON object of identifiers");
        assertRejected(jid(Algorithm.HMAC256("s3cret"), "{}", null), "not a JSON object of identifiers");
    }

    @Test
    void malformedTokensAreRefusedWithTheirReason() {
        assertRejected("", "not three dot-separated parts");
        assertRejected("a.b", "not three dot-separated parts");
        assertRejected("a.b.c.d", "not three dot-separated parts");
        assertRejected("%%%.e30.c2ln", "header is not base64url");
        assertRejected(base64("[1]") + ".e30.c2ln", "header is not a JSON object");
        assertRejected(base64("{") + ".e30.c2ln", "header is not JSON");
    }

    private void assertRejected(String jid, String reason) {
        ConnectionRejected rejected = assertThrows(ConnectionRejected.class, () -> token.verify(jid, NOW));
        assertTrue(!(rejected instanceof TokenExpired), "not an expiry: " + rejected.getMessage());
        assertTrue(rejected.getMessage().contains(reason), rejected.getMessage());
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
