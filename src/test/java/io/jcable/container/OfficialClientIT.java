package io.jcable.container;

import io.jcable.testing.DemoWar;
import io.jcable.testing.NodeTests;
import java.io.IOException;
import java.net.URL;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The official {@code @rails/actioncable} client against the demo WAR on an application server, in
 * Node and in headless Chromium: the same {@code node:test} files as against the standalone demo,
 * pointed at the deployment (JCABLE_DEMO_URL). Only the restart test stays standalone: the
 * container, not the test, owns a deployment's life.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OfficialClientIT {

    @Deployment(testable = false)
    static WebArchive demo() {
        return DemoWar.underTest("official-client", null); // the probe closes event streams for the SSE test
    }

    @ArquillianResource
    URL base;

    @Test
    void officialClientInNode() throws IOException, InterruptedException {
        NodeTests.assertPass("official-client.test.mjs", deployment());
    }

    @Test
    void demoChatPageInHeadlessChromium() throws IOException, InterruptedException {
        NodeTests.assertPass("browser.test.mjs", deployment());
    }

    private Map<String, String> deployment() {
        return Map.of("JCABLE_DEMO_URL", Deployed.at(base).base().toString());
    }
}
