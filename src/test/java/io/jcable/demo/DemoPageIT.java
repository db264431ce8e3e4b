package io.jcable.demo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jcable.internal.turbo.SignedStreamNames;
import io.jcable.testing.DemoServer;
import io.jcable.testing.NodeTests;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The demo page: the official client and turbo-rails' bundle are served whole, however big, and the
 * page with its post's signed Turbo stream in place; in headless
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
    void servesTurboRailsBundleByteForByte() throws IOException, InterruptedException {
        assertServed("/turbo.js", "demo/turbo-rails/package/app/assets/javascripts/turbo.js", "text/javascript;charset=UTF-8");
    }

    @Test
    void servesTheChatPageWithItsPostsSignedTurboStream() throws IOException, InterruptedException {
        String page;
        try (InputStream file = DemoPageIT.class.getClassLoader().getResourceAsStream(DemoPageServlet.PAGE)) {
            page = new String(file.readAllBytes(), StandardCharsets.UTF_8);
        }
        SignedStreamNames names = new SignedStreamNames(DemoSettings.DEFAULT_TURBO_KEY.getBytes(StandardCharsets.UTF_8));
        for (String[] postAndQuery : new String[][] {{"42", "/"}, {"7", "/?post=%207%20"}, {"<a&b>", "/?post=%3Ca%26b%3E"}}) {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(demo.http(postAndQuery[1])).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode());
            assertEquals("text/html;charset=UTF-8", response.headers().firstValue("Content-Type").orElse(null));
            String signed = names.sign("comments:post:" + postAndQuery[0]);
            String tag = "<turbo-cable-stream-source channel=\"Turbo::StreamsChannel\" signed-stream-name=\"" + signed
                    + "\"></turbo-cable-stream-source>";
            assertEquals(page.replace(DemoPageServlet.STREAM_SOURCE, tag), response.body(), "the page of post " + postAndQuery[0]);
        }
    }

    @Test
    void demoPageInHeadlessChromium() throws IOException, InterruptedException {
        NodeTests.assertPass("browser.test.mjs", Map.of());
    }

    @Test
    void theChatOnAnycableWebShowsWhoIsOnlineAndTypingAndRecoversADroppedConnection() throws IOException, InterruptedException {
        NodeTests.assertPass("anycable-page.test.mjs", Map.of());
    }

    @Test
    void anycableClientModulesAreServedFromNpmsTarballs() throws IOException, InterruptedException {
        assertServed("/vendor/anycable-web/index.js", "demo/anycable-web/package/index.js", "text/javascript;charset=UTF-8");
        assertServed("/vendor/anycable-core/action_cable_ext/index.js", "demo/anycable-core/package/action_cable_ext/index.js",
                "text/javascript;charset=UTF-8");
        assertServed("/vendor/nanoevents/index.js", "demo/nanoevents/package/index.js", "text/javascript;charset=UTF-8");
        for (String outside : List.of("/vendor/anycable-web/../../index.html", "/vendor/anycable-web/package.json", "/vendor/other/index.js")) {
            assertEquals(404, HTTP.send(HttpRequest.newBuilder(demo.http(outside)).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode(), outside);
        }
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
