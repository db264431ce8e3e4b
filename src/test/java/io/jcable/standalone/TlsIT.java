package io.jcable.standalone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jcable.testing.CableClient;
import io.jcable.testing.DemoServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocketHandshakeException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Map;
import java.util.concurrent.CompletionException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code wss://} on the standalone runtime with a key store (a self-signed certificate made by the
 * JDK's keytool for 127.0.0.1), reached by a real TLS client that trusts exactly that certificate.
 */
class TlsIT {

    private static final String PASSWORD = "test-keystore-password";
    private static final Path KEYSTORE = selfSignedKeystore();
    private static final String BENCHMARK = "{\"channel\":\"BenchmarkChannel\"}";

    @RegisterExtension
    static final DemoServer demo = DemoServer.perClass(Map.of("jcable.tls.keystore", KEYSTORE.toString(),
            "jcable.tls.keystore-password", PASSWORD, "jcable.allowed-origins", ""));

    @Test
    void theOfficialFlowWorksOverWss() throws Exception {
        assertEquals("wss", demo.server().uri().getScheme());
        HttpClient trusting = HttpClient.newBuilder().sslContext(trusting()).build();
        // JCable's default origins: the https pages of this very server are its own origin; no Origin is no page.
        String ownPage = "https://127.0.0.1:" + demo.server().port();
        try (CableClient alice = CableClient.connect(trusting, demo.cable("alice"), CableClient.headers("Origin", ownPage),
                CableClient.OFFERED);
             CableClient bob = CableClient.connect(trusting, demo.cable("bob"), Map.of(), CableClient.OFFERED)) {
            assertEquals("{\"type\":\"welcome\"}", alice.next());
            assertEquals("{\"type\":\"welcome\"}", bob.next());
            alice.subscribeConfirmed(BENCHMARK);
            bob.subscribeConfirmed(BENCHMARK);
            alice.sendMessage(BENCHMARK, "{\"action\":\"broadcast\",\"payload\":\"over TLS\"}");
            assertTrue(bob.next().contains("over TLS"));
        }
        CompletionException plainPage = assertThrows(CompletionException.class, () -> CableClient.connect(trusting,
                demo.cable("alice"), CableClient.headers("Origin", "http://127.0.0.1:" + demo.server().port()), CableClient.OFFERED));
        assertEquals(403, ((WebSocketHandshakeException) plainPage.getCause()).getResponse().statusCode(),
                "a plain http page is another origin than the TLS request's");
        HttpResponse<String> health = trusting.send(HttpRequest.newBuilder(demo.http("_health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, health.statusCode());
    }

    @Test
    void aClientThatDoesNotTrustTheCertificateIsRefusedAndPlainWsGetsNoUpgrade() {
        CompletionException untrusted = assertThrows(CompletionException.class,
                () -> CableClient.connect(demo.cable("mallory")));
        assertTrue(String.valueOf(untrusted.getCause()).contains("SSL"), untrusted::toString);
        URI plain = URI.create(demo.cable("mallory").toString().replace("wss://", "ws://"));
        assertThrows(CompletionException.class, () -> CableClient.connect(plain));
    }

    private static SSLContext trusting() throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(KEYSTORE)) {
            store.load(in, PASSWORD.toCharArray());
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }

    private static Path selfSignedKeystore() {
        try {
            Path dir = Files.createDirectories(Path.of("target", "tls"));
            Path keystore = dir.resolve("jcable-test.p12");
            Files.deleteIfExists(keystore);
            Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                    "-genkeypair", "-alias", "jcable", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                    "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-storetype", "PKCS12",
                    "-keystore", keystore.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD)
                    .redirectErrorStream(true).start();
            String output = new String(keytool.getInputStream().readAllBytes());
            if (keytool.waitFor() != 0) {
                throw new IllegalStateException("keytool failed: " + output);
            }
            return keystore;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
