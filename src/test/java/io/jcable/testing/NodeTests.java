package io.jcable.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code node --test} files of {@code src/test/js} (system property {@code jcable.js.dir}, set
 * by the pom) and fails unless they all pass. Node's report goes to this JVM's output line by line,
 * so that failsafe keeps it with the test.
 */
public final class NodeTests {

    private static final Duration TIMEOUT = Duration.ofMinutes(10);

    private NodeTests() {
    }

    /** Runs {@code file} with this JVM's java and test classpath, and {@code env} added to the environment. */
    public static void assertPass(String file, Map<String, String> env) throws IOException, InterruptedException {
        Path jsDir = jsDir();
        ProcessBuilder builder = new ProcessBuilder(List.of("node", "--test", "--test-reporter=spec", file))
                .directory(jsDir.toFile())
                .redirectErrorStream(true);
        builder.environment().put("JCABLE_JAVA", ProcessHandle.current().info().command().orElse("java"));
        builder.environment().put("JCABLE_CLASSPATH", System.getProperty("java.class.path"));
        builder.environment().putAll(env);
        Process node = builder.start();
        Thread output = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8))) {
                lines.lines().forEach(line -> System.out.println("[node " + file + "] " + line));
            } catch (IOException e) {
                System.out.println("[node " + file + "] output lost: " + e);
            }
        }, "node " + file);
        output.start();
        try {
            if (!node.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                fail("node --test " + file + " did not finish within " + TIMEOUT);
            }
            output.join(TimeUnit.SECONDS.toMillis(10));
            assertEquals(0, node.exitValue(), "node --test " + file + " failed: its report is in the test output above");
        } finally {
            // The demo JVMs and browsers node started go first: they would outlive a killed node.
            node.descendants().forEach(ProcessHandle::destroy);
            node.destroy();
        }
    }

    /** src/test/js, with its dependencies installed (node_modules). */
    public static Path jsDir() {
        String dir = System.getProperty("jcable.js.dir");
        assertTrue(dir != null && !dir.isBlank(), "system property jcable.js.dir (set by the pom for failsafe) names src/test/js");
        Path jsDir = Path.of(dir);
        assertTrue(Files.isDirectory(jsDir.resolve("node_modules/@rails/actioncable")),
                "the JS dependencies are not installed in " + jsDir + ": run .ci/run, or `npm ci` in that directory");
        return jsDir;
    }
}
