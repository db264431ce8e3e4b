package io.jcable.testing;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.awaitility.core.ConditionTimeoutException;

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

    private static final String PINNED = "io.jcable.internal.server.ConnectionRegistry";

    private RedeployCheck() {
    }

    public static void threeRounds(CableTarget observer, CableTarget demo, Deployments deployments, Remains remains)
            throws Exception {
        assertEquals("", threads(observer), "no JCable thread before the first deployment");
        // Every request worker the server will have, started now by the observer: a WildFly worker
        // keeps the first request it ever ran on its stack for as long as it lives.
        exerciseWorkers(observer);
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

    private static void noClassLoaderLeft(CableTarget observer) throws IOException {
        // An idle server worker may keep its last request on its stack until it runs another task
        // (Undertow does): requests through every worker release that. What stays after them is pinned.
        try {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
                exerciseWorkers(observer);
                assertEquals("", loaded(observer, PINNED), "class loaders of undeployed WARs still alive");
            });
        } catch (ConditionTimeoutException e) {
            List<List<String>> paths = pathsToPinned(observer);
            throw new AssertionError("class loaders of undeployed WARs still alive, held by (GC root first): " + paths
                    + "\nthreads on those paths:\n" + threadsOn(observer, paths), e);
        }
    }

    /** The paths from GC roots to each live copy of the pinned class, in a heap dump the observer writes. */
    public static List<List<String>> pathsToPinned(CableTarget observer) throws IOException {
        File dump = new File("target/" + observer.runtime() + "-redeploy.hprof").getAbsoluteFile();
        Files.deleteIfExists(dump.toPath());
        HttpResponse<String> written = observer.send(HttpRequest.newBuilder(
                observer.http("heapdump?file=" + URLEncoder.encode(dump.getPath(), StandardCharsets.UTF_8))).build());
        assertEquals(200, written.statusCode(), "heap dump: " + written.body());
        try {
            return Retention.pathsTo(dump, PINNED);
        } finally {
            Files.deleteIfExists(dump.toPath());
        }
    }

    /** Loaded copies of the class a WAR's JCable has (one per live class loader). */
    public static String loadedCopies(CableTarget observer) {
        exerciseWorkers(observer);
        return loaded(observer, PINNED);
    }

    public static String pinnedClass() {
        return PINNED;
    }

    /**
     * More requests at once than any server here has request workers (WildFly: 16 per core), each
     * holding its worker for a moment: every worker then runs one, which releases the last request
     * an idle worker keeps on its stack.
     */
    private static void exerciseWorkers(CableTarget observer) {
        List<CompletableFuture<?>> requests = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            requests.add(CableTarget.HTTP.sendAsync(HttpRequest.newBuilder(observer.http("pause?ms=300")).build(),
                    HttpResponse.BodyHandlers.discarding()));
        }
        requests.forEach(CompletableFuture::join);
    }

    /** The stack traces of the threads named on {@code paths} (Shark labels a thread "Thread name: 'N'"). */
    private static String threadsOn(CableTarget observer, List<List<String>> paths) {
        Pattern named = Pattern.compile("Thread name: '([^']*)'");
        return paths.stream().flatMap(List::stream).map(named::matcher).filter(Matcher::find).map(found -> found.group(1))
                .distinct()
                .map(name -> get(observer, "threads?stacks&prefix=" + URLEncoder.encode(name, StandardCharsets.UTF_8)))
                .collect(Collectors.joining("\n"));
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
