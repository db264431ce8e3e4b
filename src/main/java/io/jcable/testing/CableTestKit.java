package io.jcable.testing;

import io.jcable.channel.Identity;
import io.jcable.config.CableConfig;
import io.jcable.internal.server.Loopback;
import io.jcable.internal.standalone.EmbeddedBeans;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.se.SeContainer;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Channels and connections tested without a network server, as Rails' {@code ActionCable::Channel::TestCase}
 * and {@code ActionCable::Connection::TestCase} do. The application's beans run in a CDI container
 * (Weld SE started here, or the application's own), so that a channel's injections work; each
 * {@link TestConnection} is a real JCable connection whose socket is in memory. Checks that fail
 * throw {@link AssertionError}, which JUnit and every other framework report as a failure.
 *
 * <pre>{@code
 * try (CableTestKit cable = CableTestKit.start()) {
 *     TestSubscription chat = cable.connectAs(Identity.of("id", "alice")).subscribe("ChatChannel", Map.of("room", "lobby"));
 *     chat.assertConfirmed();
 *     chat.assertStreamsFrom("chat_lobby");
 *     cable.assertBroadcastOn("chat_lobby", Map.of("user", "alice", "performed", "away"), () -> chat.perform("away"));
 * }
 * }</pre>
 */
public final class CableTestKit implements AutoCloseable {

    private final Instance<Object> beans;
    private final SeContainer owned;
    private final Loopback loopback;
    private final Runnable untap;
    private final List<Recorded> broadcasts = new CopyOnWriteArrayList<>();
    private final List<TestConnection> connections = new CopyOnWriteArrayList<>();
    private final Jsonb jsonb = JsonbBuilder.create();

    private record Recorded(String stream, String json) {
    }

    private CableTestKit(Instance<Object> beans, SeContainer owned) {
        this.beans = beans;
        this.owned = owned;
        this.loopback = new Loopback(beans);
        this.untap = loopback.tap((stream, json) -> broadcasts.add(new Recorded(stream, json)));
    }

    /**
     * Starts Weld SE with the bean archives on the class path (the application's channels and
     * connection handler) and {@code beanClasses} besides them; every option at its default.
     */
    public static CableTestKit start(Class<?>... beanClasses) {
        return builder().beanClasses(beanClasses).start();
    }

    /** Options first: {@code CableTestKit.builder().option("jcable.max-subscriptions", "20").start()}. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Runs on the application's own CDI container, e.g. {@code CDI.current()} inside a WAR under
     * Arquillian. {@link #close()} then leaves that container running.
     */
    public static CableTestKit inside(Instance<Object> beans) {
        return new CableTestKit(beans, null);
    }

    /** A bean of the container, e.g. the {@code Broadcaster} or a service the channel uses. */
    public <T> T bean(Class<T> type) {
        return beans.select(type).get();
    }

    /**
     * Opens a connection as {@code identity} without running the connection handler: for channel
     * tests. It is welcomed when this returns.
     */
    public TestConnection connectAs(Identity identity) {
        return open(TestRequest.to("/cable"), identity);
    }

    /** The same with {@code request}'s handshake, e.g. AnyCable's extended protocol as the subprotocol. */
    public TestConnection connectAs(Identity identity, TestRequest request) {
        return open(request, identity);
    }

    /**
     * Opens a connection as a client would with {@code request}: the connection handler (and the
     * built-in JWT identification, when configured) identifies it or refuses it. Either way the
     * answer is in when this returns: see {@link TestConnection#identity()} and
     * {@link TestConnection#assertRejected()}.
     */
    public TestConnection connect(TestRequest request) {
        return open(request, null);
    }

    private TestConnection open(TestRequest request, Identity identity) {
        TestConnection connection = new TestConnection(
                loopback.open(request.toCableRequest(), request.subprotocol(), identity), jsonb);
        connections.add(connection);
        return connection;
    }

    /** The payloads broadcast to {@code stream} since the kit started or {@link #clearBroadcasts()}, in order. */
    public List<JsonValue> broadcasts(String stream) {
        List<JsonValue> payloads = new ArrayList<>();
        for (Recorded recorded : broadcasts) {
            if (recorded.stream().equals(stream)) {
                payloads.add(parse(recorded.json()));
            }
        }
        return payloads;
    }

    /** Forgets the broadcasts recorded so far. */
    public void clearBroadcasts() {
        broadcasts.clear();
    }

    /** Fails unless {@code block} broadcasts exactly {@code count} messages to {@code stream} (Rails' {@code assert_broadcasts}). */
    public void assertBroadcasts(String stream, int count, Runnable block) {
        List<JsonValue> made = during(stream, block);
        if (made.size() != count) {
            throw new AssertionError(count + " broadcast(s) to " + stream + " expected, " + made.size() + " made: " + made);
        }
    }

    /** Fails when {@code block} broadcasts anything to {@code stream} (Rails' {@code assert_no_broadcasts}). */
    public void assertNoBroadcasts(String stream, Runnable block) {
        assertBroadcasts(stream, 0, block);
    }

    /**
     * Fails unless {@code block} broadcasts {@code expected} (any object JSON-B encodes: a record, a
     * map, a {@link JsonValue}) to {@code stream}; JSON objects are compared member by member, in
     * any order (Rails' {@code assert_broadcast_on}).
     */
    public void assertBroadcastOn(String stream, Object expected, Runnable block) {
        JsonValue wanted = expected instanceof JsonValue json ? json : parse(jsonb.toJson(expected));
        List<JsonValue> made = during(stream, block);
        if (!made.contains(wanted)) {
            throw new AssertionError("no broadcast of " + wanted + " to " + stream + "; made: " + made);
        }
    }

    private List<JsonValue> during(String stream, Runnable block) {
        int before = broadcasts(stream).size();
        block.run();
        List<JsonValue> all = broadcasts(stream);
        return all.subList(before, all.size());
    }

    static JsonValue parse(String json) {
        return Json.createReader(new StringReader(json)).readValue();
    }

    /** Closes every connection it opened (their {@code @Unsubscribed} run), then stops the container it started. */
    @Override
    public void close() {
        connections.forEach(TestConnection::disconnect);
        untap.run();
        try {
            jsonb.close();
        } catch (Exception e) {
            // nothing held that matters
        }
        if (owned != null) {
            owned.close();
        }
    }

    /** How a kit with its own container is set up. */
    public static final class Builder {
        private final Map<String, String> options = new LinkedHashMap<>();
        private final List<Class<?>> beanClasses = new ArrayList<>();

        private Builder() {
        }

        /** Sets a JCable option, as {@code CableServer.builder().option(...)} does; see {@link CableConfig}. */
        public Builder option(String name, String value) {
            options.put(name, value);
            return this;
        }

        /** Adds beans that are not in a bean archive, e.g. a test double of a service. */
        public Builder beanClasses(Class<?>... classes) {
            beanClasses.addAll(List.of(classes));
            return this;
        }

        /** Starts the container. */
        public CableTestKit start() {
            SeContainer container = EmbeddedBeans.start(CableConfig.from(options), beanClasses);
            try {
                return new CableTestKit(container, container);
            } catch (RuntimeException e) {
                container.close();
                throw e;
            }
        }
    }
}
