package io.jcable.demo;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTVerificationException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The demo's tokens: JWTs signed with HS256 and the demo secret, payload {@code {"id":"<user>"}}.
 * The verifier pins HS256, so {@code alg: none} or any other algorithm is refused.
 */
public final class DemoTokens {

    private final Algorithm algorithm;
    private final JWTVerifier verifier;

    public DemoTokens(String secret) {
        // An empty secret verifies nothing, as in the reference server.
        algorithm = secret.isEmpty() ? null : Algorithm.HMAC256(secret);
        verifier = algorithm == null ? null : JWT.require(algorithm).build();
    }

    /** A token for {@code userId}, valid for {@code lifetime}. */
    public String issue(String userId, Duration lifetime) {
        if (algorithm == null) {
            throw new IllegalStateException("CABLE_DEMO_SECRET is empty: no token can be issued");
        }
        return JWT.create().withClaim("id", userId).withExpiresAt(Instant.now().plus(lifetime)).sign(algorithm);
    }

    /** The user id of a valid token: signed with the secret, HS256, not expired, with a non-empty string id. */
    public Optional<String> verify(String token) {
        if (verifier == null || token == null || token.isEmpty()) {
            return Optional.empty();
        }
        try {
            String id = verifier.verify(token).getClaim("id").asString();
            return id == null || id.isEmpty() ? Optional.empty() : Optional.of(id);
        } catch (JWTVerificationException e) {
            return Optional.empty();
        }
    }
}
