package io.jcable.demo;

import io.jcable.testing.NodeTests;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The official {@code @rails/actioncable} client against the demo, in Node: the {@code node:test} files
 * of {@code src/test/js}, each test starting its own demo JVMs with this JVM's java and test classpath
 * (their logs go to {@code target/js-demo-logs}). The demo page in Chromium is {@link DemoPageIT}'s.
 */
class OfficialClientIT {

    @Test
    void officialClientInNode() throws IOException, InterruptedException {
        NodeTests.assertPass("official-client.test.mjs", Map.of());
    }

    /** AnyCable's client over the extended protocol: sessions restored, nothing lost across a dropped connection. */
    @Test
    void anycableClientLosesNothingAcrossADroppedConnection() throws IOException, InterruptedException {
        NodeTests.assertPass("anycable.test.mjs", Map.of());
    }

    @Test
    void officialClientComesBackAfterARestart() throws IOException, InterruptedException {
        NodeTests.assertPass("restart.test.mjs", Map.of());
    }
}
