package io.jcable.internal.standalone;

import jakarta.websocket.Session;
import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.lang.module.ModuleDescriptor;
import java.lang.reflect.AccessibleObject;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;
import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.filterchain.Filter;
import org.glassfish.grizzly.http.HttpServerFilter;
import org.glassfish.grizzly.http.server.AddOn;
import org.glassfish.tyrus.core.TyrusWebSocketEngine;
import org.glassfish.tyrus.spi.ServerContainer;
import org.glassfish.tyrus.spi.Writer;

/**
 * Every member of Tyrus and Grizzly that the standalone runtime reaches although they keep it to
 * themselves, found once, when the server starts. A Tyrus without one of them fails the start with
 * one message naming the version found, the versions known and all that is missing, rather than
 * a connection later; a version not known whose members are all there starts with a warning.
 */
final class TyrusInternals {

    /** The Tyrus releases whose internals these are, read from their classes and tested. */
    static final Set<String> KNOWN_VERSIONS = Set.of("2.1.5");

    /**
     * What Grizzly's HTTP codec and Tyrus' filter keep on a connection once it is upgraded: the
     * parsed request, the keep-alive state and Tyrus' task queue (the attribute names they use).
     */
    static final List<String> HTTP_STATE = List.of(HttpServerFilter.HTTP_SERVER_REQUEST_ATTR_NAME,
            "HttpServerFilter.KeepAliveContext", "org.glassfish.tyrus.container.grizzly.client.TaskProcessor.TaskProcessor");

    private static final System.Logger LOG = System.getLogger(TyrusInternals.class.getName());
    private static final String CORE = "org.glassfish.tyrus.core.";
    private static final String GRIZZLY_CLIENT = "org.glassfish.tyrus.container.grizzly.client.";
    private static final String GRIZZLY_SERVER = "org.glassfish.tyrus.container.grizzly.server.";

    private final Field endpointWebSocket;
    private final Method protocolHandler;
    private final Field handlerWriter;
    private final Field writerConnection;
    private final Constructor<?> addOn;
    private final Class<?> serverFilter;

    private TyrusInternals(Members members) {
        // The session's async remote → its TyrusWebSocket → its ProtocolHandler → the connection's Writer.
        endpointWebSocket = members.field(CORE + "TyrusRemoteEndpoint", "webSocket", CORE + "TyrusWebSocket");
        protocolHandler = members.method(CORE + "TyrusWebSocket", "getProtocolHandler", CORE + "ProtocolHandler");
        handlerWriter = members.field(CORE + "ProtocolHandler", "writer", Writer.class.getName());
        // The Grizzly connection under Tyrus' writer.
        writerConnection = members.field(GRIZZLY_CLIENT + "GrizzlyWriter", "connection", Connection.class.getName());
        // Tyrus 2.1 makes this add-on's constructor package-private: it is meant for its own Server.
        addOn = members.constructor(GRIZZLY_SERVER + "WebSocketAddOn", ServerContainer.class, String.class);
        serverFilter = members.type(GRIZZLY_SERVER + "GrizzlyServerFilter", Filter.class);
    }

    /** Finds the members in the Tyrus on the classpath; fails if any is missing, warns if the version is new. */
    static TyrusInternals check() {
        Members members = new Members();
        TyrusInternals tyrus = new TyrusInternals(members);
        members.verdict(version(), KNOWN_VERSIONS).ifPresent(warning -> LOG.log(Level.WARNING, warning));
        return tyrus;
    }

    /**
     * Tyrus' version: its module's, or else the one Maven put in its jar (Tyrus' manifest has no
     * Implementation-Version, and its {@code Version} enum lists wire protocols); null if neither.
     */
    static String version() {
        Optional<String> module = Optional.ofNullable(TyrusWebSocketEngine.class.getModule().getDescriptor())
                .flatMap(ModuleDescriptor::rawVersion);
        if (module.isPresent()) {
            return module.get();
        }
        try (InputStream in = TyrusWebSocketEngine.class.getResourceAsStream(
                "/META-INF/maven/org.glassfish.tyrus/tyrus-core/pom.properties")) {
            if (in == null) {
                return null;
            }
            Properties pom = new Properties();
            pom.load(in);
            return pom.getProperty("version");
        } catch (IOException e) {
            return null;
        }
    }

    /** The writer of a Tyrus session's connection, or null if the session is not Tyrus' or has none yet. */
    Writer writer(Session session) {
        try {
            return (Writer) handlerWriter.get(protocolHandler.invoke(endpointWebSocket.get(session.getAsyncRemote())));
        } catch (ReflectiveOperationException | IllegalArgumentException | ClassCastException e) {
            return null;
        }
    }

    /** The Grizzly connection a Tyrus writer writes to, or null if the writer is not Grizzly's. */
    Connection<?> connection(Writer writer) {
        try {
            return (Connection<?>) writerConnection.get(writer);
        } catch (IllegalAccessException | IllegalArgumentException e) {
            return null;
        }
    }

    /** The Grizzly add-on that hands a listener's upgrade requests to {@code container}. */
    AddOn addOn(ServerContainer container) {
        try {
            return (AddOn) addOn.newInstance(container, "");
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Tyrus' WebSocketAddOn cannot be created", e);
        }
    }

    /** The type of the filter that Tyrus' add-on puts in a listener's chain. */
    @SuppressWarnings("unchecked")
    Class<? extends Filter> serverFilter() {
        return (Class<? extends Filter>) serverFilter;
    }

    /** Finds members by name and notes each one it cannot find or open, instead of failing at the first. */
    static final class Members {
        private final List<String> missing = new ArrayList<>();

        Field field(String owner, String name, String type) {
            return find(owner + "." + name + " (a field of type " + type + ")", owner,
                    found -> found.getDeclaredField(name), Field::getType, type);
        }

        Method method(String owner, String name, String returns) {
            return find(owner + "." + name + "() (a method returning " + returns + ")", owner,
                    found -> found.getDeclaredMethod(name), Method::getReturnType, returns);
        }

        Constructor<?> constructor(String owner, Class<?>... parameters) {
            List<String> names = Arrays.stream(parameters).map(Class::getSimpleName).toList();
            return find(owner + "(" + String.join(", ", names) + ") (a constructor)", owner,
                    found -> found.getDeclaredConstructor(parameters), Constructor::getDeclaringClass, owner);
        }

        Class<?> type(String name, Class<?> supertype) {
            String what = name + " (a " + supertype.getName() + ")";
            try {
                Class<?> type = load(name);
                return supertype.isAssignableFrom(type) ? type : miss(what, "it is not one");
            } catch (ReflectiveOperationException | LinkageError e) {
                return miss(what, "not found");
            }
        }

        /**
         * Fails, naming every member missing, the version found and those known; otherwise a warning
         * if {@code version} is not among {@code known}.
         */
        Optional<String> verdict(String version, Set<String> known) {
            String found = version == null ? "a Tyrus of unknown version" : "Tyrus " + version;
            String knows = "JCable knows Tyrus " + String.join(", ", known.stream().sorted().toList());
            if (!missing.isEmpty()) {
                throw new IllegalStateException("JCable cannot run on " + found + " (" + knows + "): it lacks "
                        + String.join("; ", missing));
            }
            if (version != null && known.contains(version)) {
                return Optional.empty();
            }
            return Optional.of(found + " is not one JCable was tested with (" + knows
                    + "), but it has every internal member JCable uses: starting");
        }

        private static Class<?> load(String name) throws ClassNotFoundException {
            return Class.forName(name, false, TyrusInternals.class.getClassLoader());
        }

        /** The member {@code lookup} finds in {@code owner}, opened, if its type's name is {@code type}. */
        private <T extends AccessibleObject> T find(String what, String owner, Lookup<T> lookup,
                                                    Function<T, Class<?>> typeOf, String type) {
            T member;
            try {
                member = lookup.in(load(owner));
            } catch (ReflectiveOperationException | LinkageError e) {
                return miss(what, "not found");
            }
            String actual = typeOf.apply(member).getName();
            if (!actual.equals(type)) {
                return miss(what, "its type is " + actual);
            }
            try {
                member.setAccessible(true);
                return member;
            } catch (RuntimeException e) { // InaccessibleObjectException, SecurityException
                return miss(what, "not accessible: " + e.getMessage());
            }
        }

        private <T> T miss(String what, String why) {
            missing.add(what + ": " + why);
            return null;
        }

        private interface Lookup<T> {
            T in(Class<?> owner) throws ReflectiveOperationException;
        }
    }
}
