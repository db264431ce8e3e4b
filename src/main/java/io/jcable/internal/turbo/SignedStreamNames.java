package io.jcable.internal.turbo;

import io.jcable.config.TurboConfig;
import io.jcable.internal.protocol.JsonText;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Stream names signed as turbo-rails signs them, with ActiveSupport's {@code MessageVerifier}:
 * {@code <base64 of the name as a JSON string>--<hex HMAC-SHA256 of that base64 text>}. A Rails
 * application with the same key accepts JCable's names and the other way round.
 */
public final class SignedStreamNames {

    private static final String HMAC = "HmacSHA256";
    private static final String SEPARATOR = "--";
    private static final String RAILS_SALT = "turbo/signed_stream_verifier_key";

    private final SecretKeySpec key;

    public SignedStreamNames(byte[] key) {
        this.key = new SecretKeySpec(key, HMAC);
    }

    /** The signer of {@code config}, when signed names are on. */
    public static Optional<SignedStreamNames> of(TurboConfig config) {
        return config.key().map(key -> key.getBytes(StandardCharsets.UTF_8))
                .or(() -> config.secretKeyBase().map(SignedStreamNames::railsKey))
                .map(SignedStreamNames::new);
    }

    /**
     * The key Rails derives from {@code secret_key_base} for turbo-rails: its key generator's
     * PBKDF2-HMAC-SHA256, 1000 iterations, 64 bytes, salt {@value #RAILS_SALT}.
     */
    static byte[] railsKey(String secretKeyBase) {
        try {
            PBEKeySpec spec = new PBEKeySpec(secretKeyBase.toCharArray(), RAILS_SALT.getBytes(StandardCharsets.UTF_8), 1000, 64 * 8);
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is not available in this JVM", e);
        }
    }

    public String sign(String streamName) {
        String data = Base64.getEncoder().encodeToString(JsonText.quote(streamName).getBytes(StandardCharsets.UTF_8));
        return data + SEPARATOR + HexFormat.of().formatHex(digest(data));
    }

    /** The stream name {@code signed} carries, when its signature holds and it carries a JSON string. */
    public Optional<String> verify(String signed) {
        int separator = signed == null ? -1 : signed.lastIndexOf(SEPARATOR);
        if (separator <= 0) {
            return Optional.empty();
        }
        String data = signed.substring(0, separator);
        byte[] given;
        try {
            given = HexFormat.of().parseHex(signed.substring(separator + SEPARATOR.length()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        // Constant time, so that a client cannot learn the digest byte by byte.
        if (!MessageDigest.isEqual(digest(data), given)) {
            return Optional.empty();
        }
        return decode(data).flatMap(SignedStreamNames::jsonString);
    }

    private byte[] digest(String data) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            return mac.doFinal(data.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(HMAC + " is not available in this JVM", e);
        }
    }

    /** Strict base64 as Rails writes it, or its URL-safe form (Rails 7.1's {@code url_safe: true}). */
    private static Optional<String> decode(String data) {
        try {
            boolean urlSafe = data.indexOf('-') >= 0 || data.indexOf('_') >= 0;
            byte[] bytes = (urlSafe ? Base64.getUrlDecoder() : Base64.getDecoder()).decode(data);
            return Optional.of(new String(bytes, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> jsonString(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return reader.readValue() instanceof JsonString name ? Optional.of(name.getString()) : Optional.empty();
        } catch (JsonException e) {
            return Optional.empty();
        }
    }
}
