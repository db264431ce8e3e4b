package io.jcable.standalone;

import io.jcable.config.CableConfig;

/**
 * Starts a {@link CableServer} with the channels found on the class path, in the foreground.
 * {@code jcable.host} (default 127.0.0.1) and {@code jcable.port} (default 8080) choose where it
 * listens, as system properties or {@code JCABLE_HOST}/{@code JCABLE_PORT}; every other option is
 * read as {@link io.jcable.config.CableConfig} describes.
 *
 * <pre>java -cp app.jar:libs/* io.jcable.standalone.Main</pre>
 */
public final class Main {

    private Main() {
    }

    /** Starts the server and blocks until it has stopped (SIGTERM or Ctrl-C stop it gracefully); no arguments. */
    public static void main(String[] args) throws InterruptedException {
        CableServer server = CableServer.builder()
                .host(setting("jcable.host", "127.0.0.1"))
                .port(Integer.parseInt(setting("jcable.port", "8080")))
                .start()
                .stopOnShutdown();
        server.awaitStop();
    }

    static String setting(String name, String fallback) {
        String value = System.getProperty(name);
        if (value == null) {
            value = System.getenv(CableConfig.environmentName(name));
        }
        return value == null || value.isBlank() ? fallback : value.trim();
    }
}
