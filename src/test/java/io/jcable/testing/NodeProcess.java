package io.jcable.testing;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The demo with the test probe in a JVM of its own ({@link DemoServer#main}), as one node of a
 * cluster: started with its environment, addressed as a {@link CableTarget}, stopped with SIGTERM.
 * Its output goes to {@code target/nodes/<name>.log}.
 */
public final class NodeProcess implements CableTarget, AutoCloseable {

    private static final Pattern READY = Pattern.compile("JCable demo: open (http://127\\.0\\.0\\.1:\\d+/)");
    private static final Duration START = Duration.ofSeconds(60);

    private final String name;
    private final Process process;
    private final Path log;
    private final URI base;

    private NodeProcess(String name, Process process, Path log, URI base) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.base = base;
    }

    public static NodeProcess start(String name, Map<String, String> env) throws IOException, InterruptedException {
        return start(name, env, DemoServer.class);
    }

    /** The same with another main class that prints the demo's ready line, e.g. the demo as people run it. */
    public static NodeProcess start(String name, Map<String, String> env, Class<?> main) throws IOException, InterruptedException {
        Path log = Path.of("target/nodes", name + ".log").toAbsolutePath();
        Map<String, String> environment = new HashMap<>(Map.of("CABLE_PORT", "0"));
        environment.putAll(env);
        Process process = TestJvm.start(main, log, environment);
        try {
            URI base = await().atMost(START).pollInterval(Duration.ofMillis(100))
                    .until(() -> readyAt(name, process, log), Objects::nonNull);
            return new NodeProcess(name, process, log, base);
        } catch (ConditionTimeoutException e) {
            process.destroyForcibly();
            throw new IllegalStateException("node " + name + " not ready after " + START + ":\n" + Files.readString(log), e);
        }
    }

    /** The node's address once its log says it is ready; null until then. */
    private static URI readyAt(String name, Process process, Path log) throws IOException {
        Matcher ready = READY.matcher(Files.readString(log));
        if (ready.find()) {
            return URI.create(ready.group(1));
        }
        if (!process.isAlive()) {
            throw new IllegalStateException("node " + name + " exited before it was ready:\n" + Files.readString(log));
        }
        return null;
    }

    @Override
    public URI base() {
        return base;
    }

    @Override
    public String runtime() {
        return "standalone node " + name;
    }

    /** What the node has printed so far. */
    public String output() throws IOException {
        return Files.readString(log);
    }

    /** Kills the node as a crash or {@code kill -9} would: no goodbye to its clients or the broker. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
