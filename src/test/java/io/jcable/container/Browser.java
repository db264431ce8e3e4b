package io.jcable.container;

import io.jcable.testing.CableClient;
import io.jcable.testing.CableTarget;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A browser's session with a deployment: its cookies go with every request, the WebSocket upgrade
 * included, so a container login or an HTTP session identifies the connection.
 */
final class Browser {

    private final CableTarget target;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NORMAL).build();

    Browser(CableTarget target) {
        this.target = target;
    }

    /** A FORM login as a person does it: open a protected page, get the form, post the credentials; the page's answer. */
    String formLogin(String protectedPage, String user, String password) throws IOException, InterruptedException {
        String form = get(protectedPage);
        if (!form.contains("j_security_check")) {
            throw new AssertionError("no login form at " + protectedPage + ": " + form);
        }
        return post("j_security_check", "j_username=" + user + "&j_password=" + password);
    }

    String get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(target.http(path)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    String post(String path, String form) throws IOException, InterruptedException {
        return send(path, "application/x-www-form-urlencoded", form).body();
    }

    HttpResponse<String> send(String path, String contentType, String body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(target.http(path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** A WebSocket to the cable endpoint carrying this browser's cookies, as a client that is no web page sends it (no Origin). */
    CableClient connect() {
        return CableClient.connect(cable(), upgradeHeaders(null), CableClient.OFFERED);
    }

    /** The same, opened by a page of {@code origin}, e.g. {@code http://evil.example}. */
    CableClient connectFrom(String origin) {
        return CableClient.connect(cable(), upgradeHeaders(origin), CableClient.OFFERED);
    }

    /** The HTTP status refusing the upgrade of a page of {@code origin}; fails when it is accepted. */
    int refusedFrom(String origin) {
        return CableClient.refusedUpgradeStatus(cable(), upgradeHeaders(origin));
    }

    /** The origin of the application's own pages, e.g. {@code http://127.0.0.1:8080}. */
    String ownOrigin() {
        URI base = target.base();
        return base.getScheme() + "://" + base.getHost() + ":" + base.getPort();
    }

    private URI cable() {
        return URI.create("ws" + target.http("cable").toString().substring(4));
    }

    private Map<String, String> upgradeHeaders(String origin) {
        Map<String, String> headers = new LinkedHashMap<>();
        String cookie = String.join("; ", cookies.getCookieStore().get(target.base()).stream().map(Object::toString).toList());
        if (!cookie.isEmpty()) {
            headers.put("Cookie", cookie);
        }
        if (origin != null) {
            headers.put("Origin", origin);
        }
        return headers;
    }
}
