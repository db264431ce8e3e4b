package io.jcable.internal.server;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jcable.channel.CableRequest;
import io.jcable.channel.Identity;
import io.jcable.internal.protocol.Decoded;
import io.jcable.internal.protocol.DisconnectReason;
import io.jcable.internal.protocol.Identifier;
import jakarta.websocket.CloseReason.CloseCodes;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A connection's endings, raced: a slow-client drop, a remote disconnect, a shutdown and the
 * client's own close, started at the same instant. Whatever the interleaving, one ending wins: at
 * most one disconnect frame, at most one close by the server (with the winner's code), and the
 * connection ends once, handing back each subscription once. The socket is a stand-in, so that the
 * four can be started together thousands of times; the integration tests run the same code on the
 * real servers.
 */
class CableConnectionTest {

    private static final int SUBSCRIPTIONS = 3;

    private final ExecutorService threads = Executors.newFixedThreadPool(5);

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    /** The stand-in socket, and what the server did to it. */
    private static final class Socket {
        final OutboxTest.Remote remote = new OutboxTest.Remote();
        final List<CloseReason> closes = new CopyOnWriteArrayList<>();
        final AtomicInteger ends = new AtomicInteger();
        final List<String> endedSubscriptions = new CopyOnWriteArrayList<>();
        final ServerCounters counters = new ServerCounters();

        Session session() {
            return (Session) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Session.class},
                    (proxy, method, args) -> switch (method.getName()) {
                        case "getAsyncRemote" -> remote.async();
                        case "isOpen" -> closes.isEmpty();
                        case "getNegotiatedSubprotocol" -> "actioncable-v1-json";
                        case "close" -> closes.add((CloseReason) args[0]);
                        case "hashCode" -> System.identityHashCode(proxy);
                        case "equals" -> proxy == args[0];
                        default -> throw new UnsupportedOperationException(method.getName());
                    });
        }

        List<String> disconnectFrames() {
            return remote.sent.stream().filter(frame -> frame.contains("\"type\":\"disconnect\"")).toList();
        }
    }

    private CableConnection connection(Socket socket) {
        CableRequest request = new CableRequest(URI.create("/cable"), Map.of(), Map.of(), Map.of(), null, "127.0.0.1", Map.of());
        ConnectionServices services = new ConnectionServices(100, 1000, socket.counters, threads,
                closed -> clientClosed(closed, socket));
        CableConnection connection = new CableConnection(1, socket.session(), null, request, services);
        connection.upgradeDone(); // what CableEndpoint does once onOpen returns
        return connection;
    }

    /** What the Dispatcher does when a socket has closed: ends the connection and each subscription. */
    private static void clientClosed(CableConnection connection, Socket socket) {
        synchronized (connection) {
            List<SubscriptionHandle> ended = connection.end();
            if (ended != null) {
                socket.ends.incrementAndGet();
                ended.forEach(subscription -> socket.endedSubscriptions.add(subscription.identifier()));
            }
        }
    }

    private static void subscribe(CableConnection connection, int count) {
        synchronized (connection) {
            for (int i = 0; i < count; i++) {
                Identifier identifier = ((Decoded.Ok<Identifier>) Identifier.parse("{\"channel\":\"Room\",\"n\":" + i + "}")).value();
                connection.add(new SubscriptionHandle(connection, identifier, null, null, null, null));
            }
        }
    }

    @Test
    void ofFourRacingEndingsExactlyOneWins() throws Exception {
        for (int round = 0; round < 2_000; round++) {
            race();
        }
    }

    private void race() throws Exception {
        Socket socket = new Socket();
        CableConnection connection = connection(socket);
        assertTrue(connection.identified(Identity.of("user", "alice")));
        subscribe(connection, SUBSCRIPTIONS);

        CountDownLatch go = new CountDownLatch(1);
        List<Runnable> endings = new ArrayList<>(List.of(
                () -> connection.drop("slow", true),
                () -> connection.disconnect(DisconnectReason.REMOTE, false, CloseCodes.NORMAL_CLOSURE, "remote"),
                () -> connection.disconnect(DisconnectReason.SERVER_RESTART, true, CloseCodes.GOING_AWAY, "server_restart"),
                () -> clientClosed(connection, socket)));
        Collections.shuffle(endings);
        CountDownLatch done = new CountDownLatch(endings.size());
        for (Runnable ending : endings) {
            threads.execute(() -> {
                try {
                    go.await();
                    ending.run();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    done.countDown();
                }
            });
        }
        go.countDown();
        assertTrue(done.await(10, TimeUnit.SECONDS));
        await().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(1)).atMost(Duration.ofSeconds(10))
                .until(() -> socket.ends.get() == 1 && connection.phase() == ConnectionPhase.ENDED);

        String story = "frames " + socket.remote.sent + ", closes " + socket.closes;
        assertEquals(1, socket.ends.get(), story);
        assertEquals(SUBSCRIPTIONS, socket.endedSubscriptions.size(), "each subscription ends once: " + socket.endedSubscriptions);
        List<String> disconnects = socket.disconnectFrames();
        assertTrue(disconnects.size() <= 1, "one disconnect frame at most: " + story);
        assertTrue(socket.closes.size() <= 1, "one close at most: " + story);
        if (!socket.closes.isEmpty()) {
            CloseReason close = socket.closes.get(0);
            if (disconnects.isEmpty()) {
                assertEquals(CloseCodes.TRY_AGAIN_LATER.getCode(), close.getCloseCode().getCode(), "only a drop closes without a frame: " + story);
            } else if (close.getCloseCode().getCode() != CloseCodes.TRY_AGAIN_LATER.getCode()) {
                // The close carries the reason of the disconnect whose frame left (a drop may still end a disconnect).
                assertTrue(disconnects.get(0).contains("\"reason\":\"" + close.getReasonPhrase() + "\""), story);
            }
        }
        assertEquals(0, socket.counters.subscriptions(), "the subscriptions gauge is back at zero");
    }

    @Test
    void aSecondDisconnectNeitherSendsAFrameNorChangesTheCloseReason() {
        Socket socket = new Socket();
        CableConnection connection = connection(socket);
        connection.identified(Identity.of("user", "bob"));
        socket.remote.completeInline = false; // the first frame stays in flight
        assertTrue(connection.disconnect(DisconnectReason.REMOTE, false, CloseCodes.NORMAL_CLOSURE, "remote"));
        assertFalse(connection.disconnect(DisconnectReason.SERVER_RESTART, true, CloseCodes.GOING_AWAY, "server_restart"));
        socket.remote.completeInline = true;
        socket.remote.completeOne();
        await().atMost(Duration.ofSeconds(10)).until(() -> socket.ends.get() == 1);
        assertEquals(List.of("{\"type\":\"disconnect\",\"reason\":\"remote\",\"reconnect\":false}"), socket.disconnectFrames());
        assertEquals(List.of(CloseCodes.NORMAL_CLOSURE.getCode()), socket.closes.stream().map(c -> c.getCloseCode().getCode()).toList());
    }

    @Test
    void anEndingBeforeTheHandlerIdentifiesTheClientKeepsItClosed() {
        Socket socket = new Socket();
        CableConnection connection = connection(socket);
        assertTrue(connection.disconnect(DisconnectReason.SERVER_RESTART, true, CloseCodes.GOING_AWAY, "server_restart"));
        assertFalse(connection.identified(Identity.of("user", "carol")), "no welcome after server_restart");
        assertFalse(connection.isOpen());
    }
}
