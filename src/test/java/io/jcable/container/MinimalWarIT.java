package io.jcable.container;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jcable.testing.CableClient;
import java.net.URL;
import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The WAR example, README's "Use it in your WAR" (src/examples/war: a channel, a connection handler
 * on the container's FORM login, a JAX-RS resource that broadcasts; no beans.xml), deployed as its
 * own pom built it: a signed-in user's subscription receives what the resource broadcasts; nobody
 * else connects.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MinimalWarIT {

    private static final String LOBBY = "{\"channel\":\"RoomChannel\",\"room\":\"lobby\"}";

    @Deployment(testable = false)
    static WebArchive minimal() {
        return ContainerWars.minimal();
    }

    @ArquillianResource
    URL base;

    private Browser browser;

    @BeforeEach
    void aNewBrowser() {
        browser = new Browser(Deployed.at(base));
    }

    @Test
    void aSignedInUserReceivesWhatTheResourceBroadcasts() throws Exception {
        assertEquals("alice", browser.formLogin("secure/whoami", "alice", "alice-password-1").trim());
        try (CableClient client = browser.connect()) {
            assertEquals("{\"type\":\"welcome\"}", client.next());
            client.subscribeConfirmed(LOBBY);

            HttpResponse<String> said = browser.send("api/rooms/lobby", "text/plain", "hello from JAX-RS");
            assertEquals(204, said.statusCode(), said.body());
            assertEquals(CableClient.message(LOBBY, "{\"text\":\"hello from JAX-RS\"}"), client.next());
        }
    }

    @Test
    void nobodySignedInIsUnauthorized() {
        IdentitiesIT.assertUnauthorized(browser);
    }
}
