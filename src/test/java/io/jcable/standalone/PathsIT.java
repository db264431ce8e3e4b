package io.jcable.standalone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jcable.demo.DemoSettings;
import io.jcable.demo.DemoTokens;
import io.jcable.testing.CableClient;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a user's standalone application answers over plain HTTP: its own Servlet at its path, the
 * health check, 404 everywhere else, and a plain GET of the cable path told that it needs a
 * WebSocket upgrade. The README's tutorial maps a Servlet the same way.
 */
class PathsIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static CableServer server;

    /** An application's own Servlet, as in the README's tutorial. */
    static class HelloServlet extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            response.setContentType("text/plain");
            response.getWriter().write("hello");
        }
    }

    @BeforeAll
    static void start() {
        server = CableServer.builder().port(0).servlet("/hello", new HelloServlet()).start();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @Test
    void theApplicationsServletAnswersAtItsPath() throws Exception {
        HttpResponse<String> hello = get("/hello");
        assertEquals(200, hello.statusCode());
        assertEquals("hello", hello.body());
    }

    @Test
    void theHealthCheckAnswersBesideIt() throws Exception {
        HttpResponse<String> health = get("/_health");
        assertEquals(200, health.statusCode());
        assertTrue(health.body().startsWith("{\"status\":\"up\""), health.body());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/does-not-exist", "/hello/more", "/_health/more", "/cable/more", "/index.html"})
    void everyOtherPathIsNotFound(String path) throws Exception {
        HttpResponse<String> response = get(path);
        assertEquals(404, response.statusCode(), path + " answered " + response.body());
        assertFalse(response.body().contains("\"status\""), response.body());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/cable", "/cable?token=abc"})
    void aPlainGetOfTheCablePathIsToldToUpgrade(String path) throws Exception {
        HttpResponse<String> response = get(path);
        assertEquals(400, response.statusCode());
        assertEquals("JCable's ActionCable endpoint: connect with a WebSocket client (Upgrade: websocket)\n",
                response.body());
    }

    @Test
    void theCablePathStillUpgrades() {
        String token = new DemoTokens(DemoSettings.DEFAULT_SECRET).issue("alice", Duration.ofMinutes(5));
        try (CableClient client = CableClient.connect(URI.create(server.uri() + "?token=" + token))) {
            assertEquals("{\"type\":\"welcome\"}", client.next());
        }
    }

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        URI uri = URI.create("http://127.0.0.1:" + server.port() + path);
        return HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
