package io.jcable.testing;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Deploy, use and undeploy the demo three times in a row on an application server, watched by the
 * observer WAR (io.jcable.container.observer) on the same server: no JCable thread, timer or
 * executor survives an undeploy, and no class loader of an undeployed WAR stays alive.
 */
public final class RedeployCheck {

    /** How the server at hand deploys and undeploys the demo WAR. */
    public interface Deployments {
        void deploy() throws Exception;

        void undeploy() throws Exception;
    }

    /** The check of what the undeployed WARs left in memory. */
    public interface Remains {
        void check(CableTarget observer) throws Exception;
    }

    /** Nothing: no class loader of an undeployed WAR stays alive. */
    public static final Remains NOTHING = RedeployCheck::noClassLoaderLeft;

    private static final String PINNED = "io.jcable.server.ConnectionRegistry";

    private RedeployCheck() {
    }

    public static void threeRounds(CableTarget observer, CableTarget demo, Deployments deployments, Remains remains)
            throws Exception {
        assertEquals("", threads(observer), "no JCable thread before the first deployment");
        for (int round = 1; round <= 3; round++) {
            deployments.deploy();
            try (CableClient client = demo.connect("round" + round)) {
                String room = CableClient.chat("redeploy");
                client.subscribeConfirmed(room);
                client.sendMessage(room, "{\"message\":\"round " + round + "\"}");
                assertTrue(client.next().contains("round " + round));
                assertTrue(!threads(observer).isEmpty(), "JCable's threads run while it is deployed");
            }
            deployments.undeploy();
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                    assertEquals("", threads(observer), "JCable threads left after undeploy"));
        }
        remains.check(observer);
    }

    private static void noClassLoaderLeft(CableTarget observer) {
        // An idle server worker may keep its last request on its stack until it runs another task
        // (Undertow does): requests through every worker release that. What stays after them is pinned.
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            exerciseWorkers(observer);
            assertEquals("", loaded(observer, PINNED), "class loaders of undeployed WARs still alive");
        });
    }

    /** Loaded copies of the class a WAR's JCable has (one per live class loader). */
    public static String loadedCopies(CableTarget observer) {
        exerciseWorkers(observer);
        return loaded(observer, PINNED);
    }

    public static String pinnedClass() {
        return PINNED;
    }

    private static void exerciseWorkers(CableTarget observer) {
        List<CompletableFuture<?>> requests = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            requests.add(CableTarget.HTTP.sendAsync(HttpRequest.newBuilder(observer.http("threads?prefix=none")).build(),
                    HttpResponse.BodyHandlers.discarding()));
        }
        requests.forEach(CompletableFuture::join);
    }

    private static String threads(CableTarget observer) {
        return get(observer, "threads?prefix=jcable-");
    }

    private static String loaded(CableTarget observer, String className) {
        return get(observer, "loaded?class=" + className);
    }

    private static String get(CableTarget target, String path) {
        return target.send(HttpRequest.newBuilder(target.http(path)).build()).body().trim();
    }
}
