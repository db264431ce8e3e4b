package io.jcable.suite;

import static io.jcable.testing.CableClient.headers;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jcable.testing.CableClient;
import io.jcable.testing.CableTarget;
import io.jcable.testing.Probe;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Which pages may open a WebSocket (cross-site WebSocket hijacking): the application's own pages
 * and clients that are no browser page always; other sites only when listed; a refused upgrade
 * gets 403 and never reaches the application.
 */
public abstract class OriginsSuite {

    private static final String WELCOME = "{\"type\":\"welcome\"}";

    /** The demo with CABLE_ALLOWED_ORIGINS="http://good.example, https://app.example". */
    protected abstract CableTarget listed();

    /** The demo with CABLE_ALLOWED_ORIGINS="": JCable's default, nothing listed. */
    protected abstract CableTarget nothingListed();

    @Test
    void withNothingListedTheApplicationsOwnPagesAndNonBrowsersConnect() {
        assertWelcomed(nothingListed(), headers("Origin", ownOrigin(nothingListed())));
        assertWelcomed(nothingListed(), Map.of());
    }

    @Test
    void withNothingListedEveryOtherSiteIsRefusedWith403AndOneLogLine() {
        Probe probe = nothingListed().probe();
        probe.clearLog();
        URI own = nothingListed().base();
        String otherPort = "http://" + own.getHost() + ":" + (own.getPort() + 1);
        for (String origin : new String[] {"http://good.example", otherPort, "https://" + own.getHost() + ":" + own.getPort(), "null"}) {
            assertEquals(403, CableClient.refusedUpgradeStatus(nothingListed().cable("alice"), headers("Origin", origin)), origin);
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> refusals(probe) == 4);
        String line = probe.log().stream().filter(l -> l.message().contains(otherPort)).findFirst().orElseThrow().message();
        assertEquals("refused a WebSocket upgrade from origin \"" + otherPort + "\" (403): not the application's own origin "
                + ownOrigin(nothingListed()) + ", not in jcable.allowed-origins", line);
    }

    @Test
    void aCrossSiteUpgradeWithTheUsersCredentialsIsRefusedAndTheUsersStreamReceivesNothing() {
        String room = CableClient.chat("origins");
        try (CableClient alice = CableClient.connect(nothingListed().cable("alice"), headers("Origin", ownOrigin(nothingListed())),
                CableClient.OFFERED)) {
            assertEquals(WELCOME, alice.next());
            alice.subscribeConfirmed(room);
            // A page of another site that alice visits opens the cable with what her browser holds for her.
            assertEquals(403, CableClient.refusedUpgradeStatus(nothingListed().cable("alice"),
                    headers("Origin", "http://evil.example")));
            alice.expectNothing(Duration.ofMillis(300));
            alice.sendMessage(room, "{\"message\":\"still here\"}");
            assertEquals(CableClient.message(room, "{\"message\":\"still here\",\"current_user_id\":\"alice\"}"), alice.next());
        }
    }

    @Test
    void listedOriginsConnectBesidesTheApplicationsOwn() {
        assertWelcomed(listed(), headers("Origin", "https://app.example"));
        assertWelcomed(listed(), headers("Origin", "HTTP://good.example:80"));
        assertWelcomed(listed(), headers("Origin", ownOrigin(listed())));
        assertWelcomed(listed(), Map.of());
        assertEquals(403, CableClient.refusedUpgradeStatus(listed().cable("alice"), headers("Origin", "http://evil.example")));
        assertEquals(403, CableClient.refusedUpgradeStatus(listed().cable("alice"), headers("Origin", "http://app.example")));
    }

    /** The origin of the pages the application serves itself, e.g. {@code http://127.0.0.1:8080}. */
    private static String ownOrigin(CableTarget target) {
        return target.base().getScheme() + "://" + target.base().getHost() + ":" + target.base().getPort();
    }

    private static void assertWelcomed(CableTarget target, Map<String, String> headers) {
        try (CableClient client = CableClient.connect(target.cable("alice"), headers, CableClient.OFFERED)) {
            assertEquals(WELCOME, client.next(), headers.toString());
        }
    }

    private static long refusals(Probe probe) {
        return probe.log().stream().filter(line -> line.message().startsWith("refused a WebSocket upgrade from origin")).count();
    }
}
