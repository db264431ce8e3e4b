package io.jcable.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jcable.testing.CableClient;
import io.jcable.testing.NodeTests;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Users identified by the container: the Principal of a FORM login against the server's file realm
 * (alice, src/test/servers), or the application's own login in the HTTP session. Without either,
 * the connection gets the unauthorized disconnect.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class IdentitiesIT {

    private static final String UNAUTHORIZED = "{\"type\":\"disconnect\",\"reason\":\"unauthorized\",\"reconnect\":false}";
    private static final String ROOM = CableClient.chat("identities");

    @Deployment(testable = false)
    static WebArchive identities() {
        return ContainerWars.identities();
    }

    @ArquillianResource
    URL base;

    private Browser browser;

    @BeforeEach
    void aNewBrowser() {
        browser = new Browser(Deployed.at(base));
    }

    @Test
    void theContainersPrincipalIdentifiesTheConnection() throws Exception {
        String afterLogin = browser.formLogin("secure/whoami", "alice", "alice-password-1");
        assertEquals("alice", afterLogin.trim(), "FORM login against the file realm");
        assertSaysWho("alice");
    }

    @Test
    void aWrongPasswordLeavesTheConnectionUnauthorized() throws Exception {
        String failed = browser.formLogin("secure/whoami", "alice", "wrong");
        assertTrue(failed.contains("j_security_check"), "back to the form: " + failed);
        assertRefused();
    }

    @Test
    void theHttpSessionIdentifiesTheConnection() throws Exception {
        browser.post("session-login?user=" + URLEncoder.encode("bob", StandardCharsets.UTF_8), "");
        assertSaysWho("bob");
    }

    @Test
    void aPageOfAnotherSiteCannotOpenTheCableWithTheSessionAndTheUsersStreamReceivesNothing() throws Exception {
        browser.post("session-login?user=bob", "");
        try (CableClient bob = browser.connectFrom(browser.ownOrigin())) {
            assertEquals("{\"type\":\"welcome\"}", bob.next());
            bob.subscribeConfirmed(ROOM);
            // JCable's default (this WAR sets no option): only the application's own pages and non-browsers.
            assertEquals(403, browser.refusedFrom("http://evil.example"));
            URI own = URI.create(browser.ownOrigin());
            assertEquals(403, browser.refusedFrom("http://" + own.getHost() + ":" + (own.getPort() + 1)), "another port is another origin");
            bob.expectNothing(Duration.ofMillis(300));
        }
        assertSaysWho("bob");
    }

    @Test
    void aPageServedFromAnotherPortCannotOpenTheCableInChromiumTheApplicationsOwnPageCan() throws Exception {
        NodeTests.assertPass("origins.test.mjs", Map.of("JCABLE_SESSION_APP_URL", Deployed.at(base).base().toString()));
    }

    @Test
    void noLoginAtAllIsUnauthorized() {
        assertRefused();
    }

    private void assertSaysWho(String user) {
        try (CableClient client = browser.connect()) {
            assertEquals("{\"type\":\"welcome\"}", client.next());
            client.subscribeConfirmed(ROOM);
            client.sendMessage(ROOM, "{\"message\":\"who am I?\"}");
            assertEquals(CableClient.message(ROOM, "{\"message\":\"who am I?\",\"current_user_id\":\"" + user + "\"}"),
                    client.next());
        }
    }

    private void assertRefused() {
        assertUnauthorized(browser);
    }

    /** The connection of a browser nobody signed in with gets the unauthorized disconnect, then a normal close. */
    static void assertUnauthorized(Browser browser) {
        try (CableClient client = browser.connect()) {
            assertEquals(UNAUTHORIZED, client.nextFrame());
            assertEquals(1000, client.awaitClose().code());
        }
    }
}
