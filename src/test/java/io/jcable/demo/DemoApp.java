package io.jcable.demo;

import io.jcable.config.CableConfig;
import io.jcable.standalone.CableServer;
import io.jcable.turbo.TurboStreams;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Starts the demo: {@code mvn -Pdemo}, or {@code DemoApp.start(env)} from a test. Environment:
 * {@code CABLE_PORT} (8080), {@code CABLE_DEMO_SECRET} (JWT HS256 secret, "demo-secret"),
 * {@code CABLE_BROADCAST_KEY} (bearer key of POST /_broadcast, "demo-key"),
 * {@code CABLE_ALLOWED_ORIGINS} (comma separated; unset: any origin, {@code jcable.allowed-origins=*}).
 */
public final class DemoApp {

    private DemoApp() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
            System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tT %4$s %3$s: %5$s%6$s%n");
        }
        // Leaves the tests' probe channel out of the bean archive (src/test/resources/META-INF/beans.xml).
        System.setProperty("jcable.demo.people", "true");
        CableServer server = start(System.getenv()).stopOnShutdown();
        System.out.println("JCable demo: open http://127.0.0.1:" + server.port() + "/ in a browser (Ctrl-C stops)");
        server.awaitStop();
    }

    /** Starts the demo on {@code CABLE_PORT} (0: any free port) with the settings in {@code env}. */
    public static CableServer start(Map<String, String> env) {
        AtomicReference<CableServer> started = new AtomicReference<>();
        CableServer server = builder(env, type -> started.get().bean(type)).start();
        started.set(server);
        DemoConfig.announce(env, server.bean(CableConfig.class));
        return server;
    }

    /**
     * The demo's server, ready to start (tests add their probe to it).
     *
     * @param beans the started server's beans (the page signs its Turbo stream with one)
     */
    public static CableServer.Builder builder(Map<String, String> env, Function<Class<?>, Object> beans) {
        DemoSettings settings = DemoSettings.from(env);
        CableServer.Builder server = CableServer.builder()
                .host("127.0.0.1")
                .port(settings.port())
                .servlet("/", new DemoPageServlet(new DemoTokens(settings.secret()), () -> (TurboStreams) beans.apply(TurboStreams.class)));
        // The demo's defaults first: the contract's variables and JCable's own options replace them.
        DemoConfig.defaults(env).forEach(server::option);
        DemoConfig.options(env).forEach(server::option);
        // JCable's own options may be given here too (e.g. by tests), as well as in JCABLE_* variables.
        env.forEach((name, value) -> {
            if (name.startsWith("jcable.")) {
                server.option(name, value);
            }
        });
        return server;
    }
}
