package io.jcable.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Optional;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * TLS for the standalone runtime ({@code wss://}): on once {@code jcable.tls.keystore} is set. In a
 * WAR the server's own HTTPS listener does this.
 *
 * <table>
 * <caption>TLS options</caption>
 * <tr><th>option</th><th>default</th><th>meaning</th></tr>
 * <tr><td>{@code jcable.tls.keystore}</td><td>unset: plain {@code ws://}</td><td>the key store with the
 *     server's private key and certificate chain</td></tr>
 * <tr><td>{@code jcable.tls.keystore-password}</td><td>empty</td><td>its password (and the key's); never
 *     logged (give it in the environment, {@code JCABLE_TLS_KEYSTORE_PASSWORD})</td></tr>
 * <tr><td>{@code jcable.tls.keystore-type}</td><td>{@code PKCS12}</td><td>the key store's type</td></tr>
 * </table>
 */
public record TlsConfig(Path keystore, String password, String type) {

    static Optional<TlsConfig> read(OptionReader options) {
        Optional<String> keystore = options.nonEmpty("jcable.tls.keystore");
        String password = options.text("jcable.tls.keystore-password", "");
        String type = options.text("jcable.tls.keystore-type", "PKCS12");
        return keystore.map(path -> new TlsConfig(Path.of(path), password, type));
    }

    /** The server's TLS context from the key store; fails at start, naming the file, when it cannot be read. */
    public SSLContext sslContext() {
        try (InputStream in = Files.newInputStream(keystore)) {
            KeyStore store = KeyStore.getInstance(type);
            store.load(in, password.toCharArray());
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, password.toCharArray());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("jcable.tls.keystore " + keystore + " cannot be used: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "TlsConfig[keystore=" + keystore + ", type=" + type + "]"; // no password
    }
}
