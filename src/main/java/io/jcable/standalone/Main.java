package io.jcable.standalone;

import io.jcable.config.CableConfig;

/**
 * Starts a {@link CableServer} with the channels found on the class path, in the foreground.
 * {@code jcable.host} (default {@value #DEFAULT_HOST}) and {@code jcable.port} (default {@value #DEFAULT_PORT})
 * choose where it listens; they and every other option are read as {@link CableConfig} describes
 * (system property, {@code JCABLE_HOST}/{@code JCABLE_PORT}, {@code META-INF/jcable.properties}).
 *
 * <pre>java -cp app.jar:libs/* io.jcable.standalone.Main</pre>
 */
public final class Main {

    public static final String HOST = "jcable.host";
    public static final String PORT = "jcable.port";
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8080;

    private Main() {
    }

    /** Starts the server and blocks until it has stopped (SIGTERM or Ctrl-C stop it gracefully); no arguments. */
    public static void main(String[] args) throws InterruptedException {
        CableServer server = CableServer.builder()
                .host(CableConfig.setting(HOST).orElse(DEFAULT_HOST))
                .port(CableConfig.setting(PORT).map(Integer::parseInt).orElse(DEFAULT_PORT))
                .start()
                .stopOnShutdown();
        server.awaitStop();
    }
}
