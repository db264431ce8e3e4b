package io.jcable.demo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jcable.testing.DemoServer;
import io.jcable.testing.NodeTests;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The demo page: it and the official client it loads are served whole, however big; in headless
 * Chromium ({@code src/test/js/browser.test.mjs}, its own demo JVMs) two people chat and see each
 * other join and leave, every line stamped with its time, and the comments panel shows what is
 * broadcast to its post (the page's own curl command included) and nothing of other posts.
 */
class DemoPageIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static DemoServer demo;

    @BeforeAll
    static void start() {
        demo = DemoServer.start();
    }

    @AfterAll
    static void stop() {
        demo.close();
    }

    @Test
    void servesTheOfficialClientByteForByte() throws IOException, InterruptedException {
        // 14.8 KB: bigger than Grizzly's output buffer, so it is written in more than one chunk.
        assertServed("/actioncable.esm.js", "demo/actioncable/package/app/assets/javascripts/actioncable.esm.js",
                "text/javascript;charset=UTF-8");
    }

    @Test
    void servesTheChatPage() throws IOException, InterruptedException {
        assertServed("/", "demo/index.html", "text/html;charset=UTF-8");
    }

    @Test
    void demoPageInHeadlessChromium() throws IOException, InterruptedException {
        NodeTests.assertPass("browser.test.mjs", Map.of());
    }

    private static void assertServed(String path, String resource, String contentType) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(demo.http(path)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, response.statusCode());
        assertEquals(contentType, response.headers().firstValue("Content-Type").orElse(null));
        try (InputStream file = DemoPageIT.class.getClassLoader().getResourceAsStream(resource)) {
            assertArrayEquals(file.readAllBytes(), response.body());
        }
    }
}
