package io.jcable.container;

import static io.jcable.testing.CableClient.headers;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jcable.testing.CableClient;
import io.jcable.testing.CableTarget;
import java.net.CookieManager;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
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

    private CableTarget target() {
        return Deployed.at(base);
    }

    /** A browser-like session: its cookies go with every request, the WebSocket upgrade included. */
    private final CookieManager cookies = new CookieManager();
    private final HttpClient browser = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NORMAL).build();

    @Test
    void theContainersPrincipalIdentifiesTheConnection() throws Exception {
        String whoami = get("secure/whoami");           // the container asks for the login form first
        assertTrue(whoami.contains("j_security_check"), whoami);
        String afterLogin = post("j_security_check", "j_username=alice&j_password=alice-password-1");
        assertEquals("alice", afterLogin.trim(), "FORM login against the file realm");
        assertSaysWho("alice");
    }

    @Test
    void aWrongPasswordLeavesTheConnectionUnauthorized() throws Exception {
        get("secure/whoami");
        String failed = post("j_security_check", "j_username=alice&j_password=wrong");
        assertTrue(failed.contains("j_security_check"), "back to the form: " + failed);
        assertRefused();
    }

    @Test
    void theHttpSessionIdentifiesTheConnection() throws Exception {
        post("session-login?user=" + URLEncoder.encode("bob", StandardCharsets.UTF_8), "");
        assertSaysWho("bob");
    }

    @Test
    void noLoginAtAllIsUnauthorized() {
        assertRefused();
    }

    private void assertSaysWho(String user) {
        try (CableClient client = CableClient.connect(cable(), headers("Cookie", cookieHeader()), CableClient.OFFERED)) {
            assertEquals("{\"type\":\"welcome\"}", client.next());
            client.subscribeConfirmed(ROOM);
            client.sendMessage(ROOM, "{\"message\":\"who am I?\"}");
            assertEquals(CableClient.message(ROOM, "{\"message\":\"who am I?\",\"current_user_id\":\"" + user + "\"}"),
                    client.next());
        }
    }

    private void assertRefused() {
        String cookie = cookieHeader();
        try (CableClient client = CableClient.connect(cable(), cookie.isEmpty() ? java.util.Map.of() : headers("Cookie", cookie),
                CableClient.OFFERED)) {
            assertEquals(UNAUTHORIZED, client.nextFrame());
            assertEquals(1000, client.awaitClose().code());
        }
    }

    private URI cable() {
        String http = target().http("cable").toString();
        return URI.create("ws" + http.substring(4));
    }

    private String cookieHeader() {
        return String.join("; ", cookies.getCookieStore().get(target().base()).stream().map(Object::toString).toList());
    }

    private String get(String path) throws Exception {
        return browser.send(HttpRequest.newBuilder(target().http(path)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private String post(String path, String form) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(target().http(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        return browser.send(request, HttpResponse.BodyHandlers.ofString()).body();
    }
}
