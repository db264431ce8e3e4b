package io.jcable.internal.turbo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonString;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** Against names signed by Ruby's ActiveSupport::MessageVerifier (src/test/resources/turbo/sign.rb made the fixtures). */
class SignedStreamNamesTest {

    private static final Map<String, String> RAILS = fixtures();
    private static final SignedStreamNames BY_KEY = new SignedStreamNames(RAILS.get("key").getBytes(StandardCharsets.UTF_8));
    private static final SignedStreamNames BY_BASE = new SignedStreamNames(SignedStreamNames.railsKey(RAILS.get("secret_key_base")));

    private static Map<String, String> fixtures() {
        try {
            Map<String, String> values = new HashMap<>();
            for (String line : Files.readAllLines(Path.of("src/test/resources/turbo/rails-signed.properties"), StandardCharsets.UTF_8)) {
                int equals = line.indexOf('=');
                if (!line.startsWith("#") && equals > 0) {
                    values.put(line.substring(0, equals), line.substring(equals + 1));
                }
            }
            return values;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String unquote(String json) {
        return ((JsonString) Json.createReader(new StringReader(json)).readValue()).getString();
    }

    @Test
    void railsSignedNamesVerifyInBothKeyModesAndOursAreTheSame() {
        for (int i = 0; i < 4; i++) {
            for (var mode : Map.of("key", BY_KEY, "base", BY_BASE).entrySet()) {
                String name = unquote(RAILS.get(mode.getKey() + "." + i + ".name"));
                String signed = RAILS.get(mode.getKey() + "." + i + ".signed");
                assertEquals(Optional.of(name), mode.getValue().verify(signed), mode.getKey() + " " + name);
                assertEquals(signed, mode.getValue().sign(name), "JCable signs " + name + " as Rails does");
            }
        }
    }

    @Test
    void aNameSignedWithTheOtherKeyIsRefused() {
        assertEquals(Optional.empty(), BY_BASE.verify(RAILS.get("key.0.signed")));
        assertEquals(Optional.empty(), BY_KEY.verify(RAILS.get("base.0.signed")));
        assertEquals(Optional.empty(), new SignedStreamNames("wrong".getBytes(StandardCharsets.UTF_8)).verify(RAILS.get("key.0.signed")));
    }

    @Test
    void tamperedOrTruncatedNamesAreRefused() {
        String signed = RAILS.get("key.0.signed");
        String other = Base64.getEncoder().encodeToString("\"comments:post:43\"".getBytes(StandardCharsets.UTF_8));
        for (String bad : new String[] {
                other + signed.substring(signed.indexOf("--")),             // another name, the same digest
                signed.substring(0, signed.length() - 1),                 // a digest one hex digit short
                signed.substring(0, signed.length() - 1) + (signed.endsWith("0") ? "1" : "0"), // one digit changed
                signed.substring(0, signed.indexOf("--")),                // no digest
                signed.substring(signed.indexOf("--")),                   // no data
                signed.replace("--", "-"), "", "--", "x--zz", null}) {
            assertEquals(Optional.empty(), BY_KEY.verify(bad), String.valueOf(bad));
        }
    }

    @Test
    void aSignedValueThatIsNotAStringIsRefused() {
        for (String json : new String[] {"42", "{\"name\":\"x\"}", "[\"x\"]", "null", "\"unterminated"}) {
            assertEquals(Optional.empty(), BY_KEY.verify(signed(Base64.getEncoder(), json)), json);
        }
    }

    @Test
    void urlSafeBase64IsAccepted() {
        String name = "?>?>?>~~~ünï";   // bytes whose base64 holds + and /
        String standard = signed(Base64.getEncoder(), Json.createValue(name).toString());
        String urlSafe = signed(Base64.getUrlEncoder().withoutPadding(), Json.createValue(name).toString());
        assertTrue(standard.contains("+") || standard.contains("/"), standard);
        assertEquals(Optional.of(name), BY_KEY.verify(standard));
        assertEquals(Optional.of(name), BY_KEY.verify(urlSafe));
    }

    /** Signed as MessageVerifier does, by hand, with the data encoded by {@code encoder}. */
    private static String signed(Base64.Encoder encoder, String json) {
        try {
            String data = encoder.encodeToString(json.getBytes(StandardCharsets.UTF_8));
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(RAILS.get("key").getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return data + "--" + HexFormat.of().formatHex(mac.doFinal(data.getBytes(StandardCharsets.US_ASCII)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
