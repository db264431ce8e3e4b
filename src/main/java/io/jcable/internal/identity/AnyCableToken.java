package io.jcable.internal.identity;

import io.jcable.channel.ConnectionRejected;
import io.jcable.channel.Identity;
import io.jcable.channel.TokenExpired;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies AnyCable's identification token: a JWT signed with HMAC (HS256, HS384, HS512 and nothing
 * else, so {@code alg: none} and public-key confusion are refused), not expired, whose {@code ext}
 * claim is the JSON text of the identifiers. Written on the JDK's {@link Mac} and JSON-P rather than a
 * JWT library: those bring a JSON mapper of their own into every application, for 80 lines.
 */
public final class AnyCableToken {

    private static final Map<String, String> MACS = Map.of("HS256", "HmacSHA256", "HS384", "HmacSHA384", "HS512", "HmacSHA512");
    private static final Base64.Decoder BASE64URL = Base64.getUrlDecoder();

    private final byte[] secret;

    public AnyCableToken(String secret) {
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The identity the token carries.
     *
     * @throws TokenExpired        when the token is genuine but its {@code exp} has passed
     * @throws ConnectionRejected  when it is anything else than a genuine token with identifiers
     */
    public Identity verify(String token, Instant now) {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            throw new ConnectionRejected("jwt: not three dot-separated parts");
        }
        JsonObject header = json(parts[0], "header");
        String mac = header.get("alg") instanceof JsonString alg ? MACS.get(alg.getString()) : null;
        if (mac == null) {
            throw new ConnectionRejected("jwt: algorithm " + header.get("alg") + " is not HS256, HS384 or HS512");
        }
        if (!MessageDigest.isEqual(sign(mac, parts[0] + "." + parts[1]), decode(parts[2], "signature"))) {
            throw new ConnectionRejected("jwt: bad signature");
        }
        JsonObject claims = json(parts[1], "claims");
        if (claims.get("exp") instanceof JsonNumber exp && !now.isBefore(Instant.ofEpochSecond(exp.longValue()))) {
            throw new TokenExpired("jwt: expired at " + Instant.ofEpochSecond(exp.longValue()));
        }
        if (claims.get("nbf") instanceof JsonNumber nbf && now.isBefore(Instant.ofEpochSecond(nbf.longValue()))) {
            throw new ConnectionRejected("jwt: not valid before " + Instant.ofEpochSecond(nbf.longValue()));
        }
        if (!(claims.get("ext") instanceof JsonString ext)) {
            throw new ConnectionRejected("jwt: no ext claim (the identifiers as JSON text)");
        }
        return identity(ext.getString());
    }

    private static Identity identity(String ext) {
        JsonValue parsed = parse(ext, "ext claim");
        if (!(parsed instanceof JsonObject identifiers) || identifiers.isEmpty()) {
            throw new ConnectionRejected("jwt: the ext claim is not a JSON object of identifiers");
        }
        Map<String, String> names = new LinkedHashMap<>();
        identifiers.forEach((name, value) -> names.put(name, value instanceof JsonString text ? text.getString() : value.toString()));
        return new Identity(names, null);
    }

    private byte[] sign(String algorithm, String signingInput) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(secret, algorithm));
            return mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " is not available in this JVM", e);
        }
    }

    private static JsonObject json(String part, String what) {
        if (parse(new String(decode(part, what), StandardCharsets.UTF_8), what) instanceof JsonObject object) {
            return object;
        }
        throw new ConnectionRejected("jwt: the " + what + " is not a JSON object");
    }

    private static JsonValue parse(String text, String what) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readValue();
        } catch (JsonException e) {
            throw new ConnectionRejected("jwt: the " + what + " is not JSON");
        }
    }

    private static byte[] decode(String part, String what) {
        try {
            return BASE64URL.decode(part);
        } catch (IllegalArgumentException e) {
            throw new ConnectionRejected("jwt: the " + what + " is not base64url");
        }
    }
}
