package io.jcable.testing;

import io.jcable.demo.DemoSettings;
import io.jcable.demo.DemoTokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The demo application under test, on whichever runtime: the standalone server, or the demo WAR on
 * WildFly or Payara. Tests reach it only over the wire: WebSockets, the HTTP broadcast API, and the
 * test probe ({@code /_probe/*}).
 */
public interface CableTarget {

    HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    DemoTokens TOKENS = new DemoTokens(DemoSettings.DEFAULT_SECRET);

    /** The application's root URL, ending with '/', e.g. {@code http://127.0.0.1:8080/jcable-demo/}. */
    URI base();

    /** Which runtime: standalone, wildfly or payara. */
    String runtime();

    default URI http(String path) {
        return base().resolve(path.startsWith("/") ? path.substring(1) : path);
    }

    default URI cableWithToken(String token) {
        URI http = http("cable");
        return URI.create("ws" + http.toString().substring(4) + "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
    }

    default String token(String user) {
        return TOKENS.issue(user, Duration.ofHours(1));
    }

    /** The cable URI with a valid token for {@code user}. */
    default URI cable(String user) {
        return cableWithToken(token(user));
    }

    /** Connects {@code user} and takes the welcome. */
    default CableClient connect(String user) {
        CableClient client = CableClient.connect(cable(user));
        String welcome = client.next();
        if (!welcome.equals("{\"type\":\"welcome\"}")) {
            throw new AssertionError("expected the welcome, got " + welcome);
        }
        return client;
    }

    /** POST /_broadcast with the demo key. */
    default HttpResponse<String> broadcast(String body) {
        return post("_broadcast", body, "Bearer " + DemoSettings.DEFAULT_BROADCAST_KEY);
    }

    default HttpResponse<String> post(String path, String body, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(http(path)).POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return send(request.build());
    }

    default HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The test probe of this target's application. */
    default Probe probe() {
        return new Probe(this);
    }

    /** A deployed demo WAR, found at {@code base}. */
    static CableTarget deployed(URI base, String runtime) {
        URI root = base.toString().endsWith("/") ? base : URI.create(base + "/");
        return new CableTarget() {
            @Override
            public URI base() {
                return root;
            }

            @Override
            public String runtime() {
                return runtime;
            }
        };
    }
}
