package io.jcable.testing;

import io.jcable.demo.DemoApp;
import io.jcable.internal.server.probe.ProbeServlet;
import io.jcable.standalone.CableServer;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The standalone demo on a free port of 127.0.0.1, with the reference's default secret and key, and
 * the test probe at /_probe/*. One per test class:
 * {@code @RegisterExtension static final DemoServer demo = DemoServer.perClass();}. Or one of its
 * own: {@code try (DemoServer demo = DemoServer.start(env)) { ... }}.
 */
public final class DemoServer implements CableTarget, AutoCloseable, BeforeAllCallback, AfterAllCallback {

    private final Map<String, String> env;
    private CableServer server;

    private DemoServer(Map<String, String> env) {
        this.env = new HashMap<>(env);
        this.env.putIfAbsent("CABLE_PORT", "0");
    }

    /** A server that starts before the test class's first test and stops after its last. */
    public static DemoServer perClass() {
        return perClass(Map.of());
    }

    /** The same, with extra environment (see {@link #start(Map)}). */
    public static DemoServer perClass(Map<String, String> env) {
        return new DemoServer(env);
    }

    public static DemoServer start() {
        return start(Map.of());
    }

    /** Starts the demo with extra environment (docs/DEMO.md's CABLE_* variables, JCable's jcable.* options). */
    public static DemoServer start(Map<String, String> env) {
        DemoServer demo = new DemoServer(env);
        demo.launch();
        return demo;
    }

    private void launch() {
        AtomicReference<CableServer> started = new AtomicReference<>();
        Function<Class<?>, Object> beans = type -> started.get().bean(type);
        server = DemoApp.builder(env, beans)
                .servlet("/_probe/*", new ProbeServlet(beans))
                .start();
        started.set(server);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        launch();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    @Override
    public URI base() {
        return URI.create((server.uri().getScheme().equals("wss") ? "https" : "http") + "://127.0.0.1:" + server.port() + "/");
    }

    @Override
    public String runtime() {
        return "standalone";
    }

    public CableServer server() {
        return server;
    }

    /** A bean of the server's CDI container: standalone-only tests may look inside. */
    public <T> T bean(Class<T> type) {
        return server.bean(type);
    }

    @Override
    public void close() {
        server.stop();
    }

    /**
     * The demo with the probe as a process of its own, for tests that need several (the cluster):
     * configured by its environment, ready once it prints its line, stopped gracefully by SIGTERM.
     */
    public static void main(String[] args) throws InterruptedException {
        DemoServer demo = start(System.getenv());
        demo.server.stopOnShutdown();
        System.out.println("JCable demo: open " + demo.base() + " (node with the test probe)");
        demo.server.awaitStop();
    }
}
