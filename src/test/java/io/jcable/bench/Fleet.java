package io.jcable.bench;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * The generator's clients: opens them a batch at a time, subscribes each to BenchmarkChannel, and
 * hands every message they receive to the benchmark. Connect time runs from the TCP connect to the
 * confirmation.
 */
final class Fleet implements AutoCloseable {

    static final String IDENTIFIER = "{\"channel\":\"BenchmarkChannel\"}";
    /**
     * The subprotocols the clients offer: the official client's, or with {@code JCABLE_BENCH_PROTOCOLS=actioncable-v1-ext-json}
     * AnyCable's extended protocol (positions in every frame).
     */
    static final String PROTOCOLS = Objects.requireNonNullElse(System.getenv("JCABLE_BENCH_PROTOCOLS"),
            "actioncable-v1-json, actioncable-unsupported");
    static final String SUBSCRIBE = "{\"command\":\"subscribe\",\"identifier\":\"{\\\"channel\\\":\\\"BenchmarkChannel\\\"}\"}";

    /** One client of the fleet. */
    static final class Client {
        final int index;
        long connectStarted;
        volatile boolean confirmed;
        WsClient.Connection connection;
        Object state;

        Client(int index) {
            this.index = index;
        }
    }

    private final BenchOptions options;
    private final List<WsClient> loops = new ArrayList<>();
    private final Algorithm signer;
    final Histogram connectMillis = new ConcurrentHistogram(3_600_000L, 3);
    final AtomicInteger failures = new AtomicInteger();
    final List<String> failureReasons = Collections.synchronizedList(new ArrayList<>());

    Fleet(BenchOptions options) throws IOException {
        this.options = options;
        this.signer = Algorithm.HMAC256(options.secret());
        for (int i = 0; i < options.threads(); i++) {
            loops.add(new WsClient("bench-client-" + i));
        }
    }

    /**
     * Opens {@code count} clients, {@code options.concurrency()} at a time, each subscribed before
     * this returns; {@code onMessage} gets every later message of every client.
     */
    List<Client> open(String namePrefix, int count, BiConsumer<Client, String> onMessage) throws InterruptedException {
        Semaphore opening = new Semaphore(options.concurrency());
        CountDownLatch settled = new CountDownLatch(count);
        List<Client> clients = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            opening.acquire();
            Client client = new Client(i);
            clients.add(client);
            client.connectStarted = System.nanoTime();
            client.connection = loops.get(i % loops.size()).connect(uri(namePrefix + i),
                    PROTOCOLS, new WsClient.Handler() {
                        @Override
                        public void opened(WsClient.Connection connection) {
                        }

                        @Override
                        public void text(WsClient.Connection connection, String text) {
                            if (client.confirmed) {
                                onMessage.accept(client, text);
                            } else if (text.startsWith("{\"type\":\"welcome\"")) {
                                connection.send(SUBSCRIBE);
                            } else if (text.contains("confirm_subscription")) {
                                connectMillis.recordValue((System.nanoTime() - client.connectStarted) / 1_000_000);
                                client.confirmed = true;
                                opening.release();
                                settled.countDown();
                            }
                        }

                        @Override
                        public void closed(WsClient.Connection connection, String why) {
                            if (!client.confirmed) {
                                failures.incrementAndGet();
                                failureReasons.add(why);
                                opening.release();
                                settled.countDown();
                            }
                        }
                    }, client);
        }
        if (!settled.await(Math.max(60, count / 20), TimeUnit.SECONDS)) {
            throw new IllegalStateException("clients still connecting after the timeout: " + settled.getCount());
        }
        return clients;
    }

    private URI uri(String user) {
        String token = JWT.create().withClaim("id", user).withExpiresAt(Instant.now().plusSeconds(86_400)).sign(signer);
        String separator = options.url().getRawQuery() == null ? "?" : "&";
        return URI.create(options.url() + separator + "token=" + token);
    }

    @Override
    public void close() throws IOException {
        for (WsClient loop : loops) {
            loop.close();
        }
    }

    /** The number after {@code "name":} in a JSON text, or -1: cheaper than parsing every message. */
    static long field(String text, String name) {
        String key = "\"" + name + "\":";
        int at = text.indexOf(key);
        if (at < 0) {
            return -1;
        }
        long value = 0;
        for (int i = at + key.length(); i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                break;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
