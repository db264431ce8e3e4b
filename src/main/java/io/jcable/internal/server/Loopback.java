package io.jcable.internal.server;

import io.jcable.channel.CableRequest;
import io.jcable.channel.Identity;
import io.jcable.internal.broadcast.StreamRegistry;
import jakarta.enterprise.inject.Instance;
import jakarta.websocket.CloseReason;
import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;

/**
 * Connections without a network: the test kit's. Each is a real {@link CableConnection} on the
 * application's {@link Dispatcher}, over a socket that keeps what the server sends. Everything but
 * the transport is what a client on the wire meets: identification, channels, streams, limits.
 */
public final class Loopback {

    private final Dispatcher dispatcher;
    private final ConnectionRegistry registry;
    private final StreamRegistry streams;

    public Loopback(Instance<Object> beans) {
        this.dispatcher = beans.select(Dispatcher.class).get();
        this.registry = beans.select(ConnectionRegistry.class).get();
        this.streams = beans.select(StreamRegistry.class).get();
    }

    /**
     * Opens a connection as the endpoint does: identified by the connection handler (and the built-in
     * JWT), or as {@code known} when it is not null. The welcome or the refusal is among its frames
     * when this returns.
     */
    public Socket open(CableRequest request, String subprotocol, Identity known) {
        Socket socket = new Socket(subprotocol);
        CableConnection connection = registry.open(socket.session, null, request, dispatcher::close);
        socket.connection = connection;
        try {
            dispatcher.open(connection, known);
        } finally {
            connection.upgradeDone();
        }
        return socket;
    }

    /** Tells {@code tap} the stream and JSON of each broadcast accepted from now on, until the returned action runs. */
    public Runnable tap(BiConsumer<String, String> tap) {
        return streams.tap(tap);
    }

    /** The client side of one connection: what the server sent it, and what it sends. */
    public final class Socket {
        private final List<String> frames = new CopyOnWriteArrayList<>();
        private final Map<String, Object> userProperties = new HashMap<>();
        private final String subprotocol;
        private final Session session;
        private volatile CloseReason closedBy;
        private CableConnection connection;

        private Socket(String subprotocol) {
            this.subprotocol = subprotocol;
            this.session = session();
        }

        /** Every frame the server sent, in order. */
        public List<String> frames() {
            return List.copyOf(frames);
        }

        /** Hands a text frame to the server, as the endpoint does. */
        public void send(String frame) {
            if (closedBy == null) {
                dispatcher.dispatch(connection, frame);
            }
        }

        /** The client closes the socket: the server ends the connection as for a real close. */
        public void close() {
            if (closedBy == null) {
                closedBy = new CloseReason(CloseReason.CloseCodes.NORMAL_CLOSURE, "client closed");
                dispatcher.close(connection);
            }
        }

        /** Null while open; else who closed and why. */
        public CloseReason closedBy() {
            return closedBy;
        }

        /** Null until identified. */
        public Identity identity() {
            return connection.identity();
        }

        /** The streams of a subscription, empty when there is no such subscription. */
        public List<String> streams(String identifier) {
            synchronized (connection) {
                SubscriptionHandle subscription = connection.subscription(identifier);
                return subscription == null ? List.of() : subscription.allStreamNames();
            }
        }

        /** A session whose sends complete at once, in order, into {@link #frames}. */
        private Session session() {
            RemoteEndpoint.Async remote = (RemoteEndpoint.Async) Proxy.newProxyInstance(Loopback.class.getClassLoader(),
                    new Class<?>[] {RemoteEndpoint.Async.class}, (proxy, method, args) -> {
                        if (!method.getName().equals("sendText") || args.length != 2) {
                            throw new UnsupportedOperationException(method.getName());
                        }
                        frames.add((String) args[0]);
                        ((SendHandler) args[1]).onResult(new SendResult());
                        return null;
                    });
            return (Session) Proxy.newProxyInstance(Loopback.class.getClassLoader(), new Class<?>[] {Session.class},
                    (proxy, method, args) -> switch (method.getName()) {
                        case "getAsyncRemote" -> remote;
                        case "isOpen" -> closedBy == null;
                        case "getNegotiatedSubprotocol" -> subprotocol;
                        case "getUserProperties" -> userProperties;
                        case "getId" -> "loopback-" + System.identityHashCode(proxy);
                        case "close" -> {
                            closedBy = args == null || args.length == 0
                                    ? new CloseReason(CloseReason.CloseCodes.NORMAL_CLOSURE, "") : (CloseReason) args[0];
                            yield null;
                        }
                        case "hashCode" -> System.identityHashCode(proxy);
                        case "equals" -> proxy == args[0];
                        case "toString" -> "loopback session";
                        default -> throw new UnsupportedOperationException("a loopback session has no " + method.getName());
                    });
        }
    }
}
