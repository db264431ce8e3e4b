package io.jcable.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import io.jcable.testing.CableTestKit;
import io.jcable.testing.TestRequest;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The demo's connection, with the test kit: who a handshake identifies, and which it refuses (Rails' Connection::TestCase). */
class JwtConnectionTest {

    private static final DemoTokens TOKENS = new DemoTokens("demo-secret");
    private static CableTestKit cable;

    @BeforeAll
    static void start() {
        CableTestKit.Builder kit = CableTestKit.builder();
        DemoConfig.options(java.util.Map.of()).forEach(kit::option); // the demo's ?jid= secret
        cable = kit.start();
    }

    @AfterAll
    static void stop() {
        cable.close();
    }

    @Test
    void aValidTokenIdentifiesItsUser() {
        String token = TOKENS.issue("alice", Duration.ofMinutes(5));
        assertEquals("alice", cable.connect(TestRequest.to("/cable").param("token", token)).identity().get("current_user_id"));
    }

    @Test
    void noTokenOrAForgedOneIsUnauthorized() {
        assertEquals("unauthorized", cable.connect(TestRequest.to("/cable")).assertRejected());
        String forged = new DemoTokens("another-secret").issue("alice", Duration.ofMinutes(5));
        assertEquals("unauthorized", cable.connect(TestRequest.to("/cable").param("token", forged)).assertRejected());
    }

    @Test
    void anAnyCableJidIdentifiesByItsExtClaimAndAnExpiredOneSaysSo() {
        String jid = JWT.create().withClaim("ext", "{\"id\":\"carol\"}").withExpiresAt(Instant.now().plusSeconds(60))
                .sign(Algorithm.HMAC256("demo-secret"));
        assertEquals("carol", cable.connect(TestRequest.to("/cable").param("jid", jid)).identity().get("id"));
        String expired = JWT.create().withClaim("ext", "{\"id\":\"carol\"}").withExpiresAt(Instant.now().minusSeconds(5))
                .sign(Algorithm.HMAC256("demo-secret"));
        assertEquals("token_expired", cable.connect(TestRequest.to("/cable").param("jid", expired)).assertRejected());
    }
}
