package io.jcable.demo;

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
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The official {@code @rails/actioncable} client against the demo, in Node and in headless Chromium:
 * runs the {@code node:test} files of {@code src/test/js} (system property {@code jcable.js.dir}),
 * each starting its own demo JVMs with this JVM's java and test classpath. Node's output goes to the
 * test log; the demo JVMs' logs to {@code target/js-demo-logs}.
 */
class OfficialClientIT {

    private static final Duration TIMEOUT = Duration.ofMinutes(10);
    private static Path jsDir;

    @BeforeAll
    static void findTheJsTests() {
        String dir = System.getProperty("jcable.js.dir");
        assertTrue(dir != null && !dir.isBlank(), "system property jcable.js.dir (set by the pom for failsafe) names src/test/js");
        jsDir = Path.of(dir);
        assertTrue(Files.isDirectory(jsDir.resolve("node_modules/@rails/actioncable")),
                "the JS dependencies are not installed in " + jsDir + ": run .ci/run, or `npm ci` in that directory");
    }

    @Test
    void officialClientInNode() throws IOException, InterruptedException {
        assertNodeTestsPass("official-client.test.mjs");
    }

    @Test
    void demoChatPageInHeadlessChromium() throws IOException, InterruptedException {
        assertNodeTestsPass("browser.test.mjs");
    }

    private static void assertNodeTestsPass(String file) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(List.of("node", "--test", "--test-reporter=spec", file))
                .directory(jsDir.toFile())
                .redirectErrorStream(true);
        builder.environment().put("JCABLE_JAVA", ProcessHandle.current().info().command().orElse("java"));
        builder.environment().put("JCABLE_CLASSPATH", System.getProperty("java.class.path"));
        Process node = builder.start();
        // Line by line through System.out, so that failsafe keeps node's report with this test.
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
}
