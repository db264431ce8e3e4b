package io.jcable.internal.standalone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Set;
import org.glassfish.grizzly.filterchain.Filter;
import org.glassfish.tyrus.spi.ServerContainer;
import org.junit.jupiter.api.Test;

/**
 * The start-up check of the Tyrus internals: against the Tyrus on the test classpath, and against
 * members named wrong, which is how a Tyrus that moved them looks to the check.
 */
class TyrusInternalsTest {

    private static final String PROTOCOL_HANDLER = "org.glassfish.tyrus.core.ProtocolHandler";
    private static final String WRITER = "org.glassfish.tyrus.spi.Writer";

    @Test
    void tyrusOnTheClasspathIsKnownAndHasEveryMember() {
        assertTrue(TyrusInternals.KNOWN_VERSIONS.contains(TyrusInternals.version()), TyrusInternals.version());
        TyrusInternals tyrus = TyrusInternals.check();
        assertNotNull(tyrus.serverFilter());
    }

    @Test
    void knownVersionWithEveryMemberStartsSilently() {
        TyrusInternals.Members members = new TyrusInternals.Members();
        assertNotNull(members.field(PROTOCOL_HANDLER, "writer", WRITER));

        assertEquals(Optional.empty(), members.verdict("2.1.5", Set.of("2.1.5")));
    }

    @Test
    void unknownVersionWithEveryMemberStartsWithWarning() {
        TyrusInternals.Members members = new TyrusInternals.Members();
        members.field(PROTOCOL_HANDLER, "writer", WRITER);

        String warning = members.verdict("2.1.9", Set.of("2.1.5", "2.1.6")).orElseThrow();
        assertTrue(warning.contains("Tyrus 2.1.9"), warning);
        assertTrue(warning.contains("2.1.5, 2.1.6"), warning);
        assertTrue(members.verdict(null, Set.of("2.1.5")).orElseThrow().contains("unknown version"));
    }

    @Test
    void missingMembersFailWithOneMessageNamingVersionKnownAndEachMember() {
        TyrusInternals.Members members = new TyrusInternals.Members();
        assertNull(members.field(PROTOCOL_HANDLER, "output", WRITER));
        assertNull(members.method("org.glassfish.tyrus.core.Gone", "getProtocolHandler", PROTOCOL_HANDLER));
        assertNull(members.constructor("org.glassfish.tyrus.container.grizzly.server.WebSocketAddOn",
                ServerContainer.class));
        assertNotNull(members.type("org.glassfish.tyrus.container.grizzly.server.GrizzlyServerFilter", Filter.class));

        IllegalStateException failure = assertThrows(IllegalStateException.class,
                () -> members.verdict("3.0.0", Set.of("2.1.5")));
        String message = failure.getMessage();
        assertTrue(message.startsWith("JCable cannot run on Tyrus 3.0.0 (JCable knows Tyrus 2.1.5)"), message);
        assertTrue(message.contains(PROTOCOL_HANDLER + ".output (a field of type " + WRITER + "): not found"), message);
        assertTrue(message.contains("org.glassfish.tyrus.core.Gone.getProtocolHandler()"), message);
        assertTrue(message.contains("WebSocketAddOn(ServerContainer) (a constructor): not found"), message);
        assertFalse(message.contains("GrizzlyServerFilter"), message);
    }

    @Test
    void memberOfAnotherTypeCountsAsMissing() {
        TyrusInternals.Members members = new TyrusInternals.Members();
        assertNull(members.field(PROTOCOL_HANDLER, "writer", "java.lang.String"));

        String message = assertThrows(IllegalStateException.class,
                () -> members.verdict("2.1.5", Set.of("2.1.5"))).getMessage();
        assertTrue(message.contains(PROTOCOL_HANDLER + ".writer (a field of type java.lang.String): its type is " + WRITER),
                message);
    }
}
