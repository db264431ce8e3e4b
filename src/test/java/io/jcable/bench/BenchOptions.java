package io.jcable.bench;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/**
 * The benchmark's options, {@code --name value}. Every one has a default fit for the demo
 * application on 127.0.0.1:8080.
 *
 * @param mode        broadcast (open loop: one sender at a fixed rate, latency at every subscriber), echo
 *                    (closed loop round trips) or step (websocket-bench's closed-loop broadcast, clients added in steps)
 * @param url         the cable URL, without token
 * @param secret      the demo's JWT secret: each client gets its own token
 * @param clients     subscribers (broadcast), echoing clients (echo), clients added at each step (step)
 * @param rate        broadcasts per second (broadcast mode)
 * @param messages    broadcasts to send (broadcast mode)
 * @param seconds     how long echo mode runs
 * @param payload     bytes of padding in each message
 * @param concurrency connections opening at once
 * @param threads     client selector threads of this generator
 * @param via         how broadcasts are sent: action (perform "broadcast" from a client) or http (POST /_broadcast)
 * @param key         bearer key of /_broadcast (via http)
 * @param broadcastTo the server whose /_broadcast gets the broadcasts (via http), e.g. another node of
 *                    a cluster than the one the subscribers are on; null: the server of {@code url}
 * @param settle      seconds to wait after connecting before measuring memory
 * @param label       a name for this run in the report
 * @param steps       step mode: how many steps at most
 * @param inFlight    step mode: broadcasts in flight at once
 * @param samples     step mode: round trips measured at each step
 * @param limitRttMs  step mode: stop once a step's 95th percentile round trip is over this
 */
record BenchOptions(String mode, URI url, String secret, int clients, int rate, int messages, int seconds,
                    int payload, int concurrency, int threads, String via, String key, URI broadcastTo, int settle, String label,
                    int steps, int inFlight, int samples, int limitRttMs) {

    static BenchOptions parse(String... args) {
        Map<String, String> given = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --option value, got " + args[i]);
            }
            given.put(args[i].substring(2), args[i + 1]);
        }
        BenchOptions options = new BenchOptions(
                given.getOrDefault("mode", "broadcast"),
                URI.create(given.getOrDefault("url", "ws://127.0.0.1:8080/cable")),
                given.getOrDefault("secret", "demo-secret"),
                Integer.parseInt(given.getOrDefault("clients", "100")),
                Integer.parseInt(given.getOrDefault("rate", "10")),
                Integer.parseInt(given.getOrDefault("messages", "300")),
                Integer.parseInt(given.getOrDefault("seconds", "10")),
                Integer.parseInt(given.getOrDefault("payload", "64")),
                Integer.parseInt(given.getOrDefault("concurrency", "100")),
                Integer.parseInt(given.getOrDefault("threads", "1")),
                given.getOrDefault("via", "action"),
                given.getOrDefault("key", "demo-key"),
                given.containsKey("broadcast-to") ? URI.create(given.get("broadcast-to")) : null,
                Integer.parseInt(given.getOrDefault("settle", "3")),
                given.getOrDefault("label", "server"),
                Integer.parseInt(given.getOrDefault("steps", "10")),
                Integer.parseInt(given.getOrDefault("in-flight", "10")),
                Integer.parseInt(given.getOrDefault("samples", "100")),
                Integer.parseInt(given.getOrDefault("limit-rtt", "1000")));
        given.keySet().removeAll(java.util.Set.of("mode", "url", "secret", "clients", "rate", "messages", "seconds",
                "payload", "concurrency", "threads", "via", "key", "broadcast-to", "settle", "label",
                "steps", "in-flight", "samples", "limit-rtt"));
        if (!given.isEmpty()) {
            throw new IllegalArgumentException("unknown options: " + given.keySet());
        }
        return options;
    }

    int port() {
        return url.getPort() > 0 ? url.getPort() : 80;
    }

    URI httpBase() {
        return broadcastTo != null ? broadcastTo : URI.create("http://" + url.getHost() + ":" + port());
    }
}
