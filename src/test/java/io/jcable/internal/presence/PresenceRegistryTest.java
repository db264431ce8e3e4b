package io.jcable.internal.presence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.util.List;
import org.junit.jupiter.api.Test;

class PresenceRegistryTest {

    private final PresenceRegistry presence = new PresenceRegistry();
    private final JsonValue info = Json.createObjectBuilder().add("name", "Alice").build();

    @Test
    void anIdHeldOnTwoNodesIsOneRecordThatLeavesWithItsLastHolder() {
        assertTrue(presence.joinRemote("room", "alice", info, "node-b"), "new here: everyone hears join");
        assertEquals(PresenceRegistry.Joined.FIRST_HERE, presence.join("room", "alice", info, "tab", 10),
                "held elsewhere already: only the cluster is told");
        assertEquals(1, presence.records("room").getInt("total"));
        assertEquals(PresenceRegistry.Left.LAST_HERE, presence.leave("room", "alice", "tab"), "node-b still holds it");
        assertTrue(presence.leaveRemote("room", "alice", "node-b"), "its last holder: everyone hears leave");
        assertEquals(0, presence.records("room").getInt("total"));
    }

    @Test
    void aGoneNodesIdsLeaveUnlessSomeoneElseHoldsThem() {
        presence.joinRemote("room", "alice", info, "node-b");
        presence.joinRemote("room", "bob", info, "node-b");
        presence.join("room", "bob", info, "tab", 10);
        assertEquals(List.of(new PresenceRegistry.Held("room", "alice", info), new PresenceRegistry.Held("room", "bob", info)),
                presence.heldBy("node-b"));
        List<String[]> gone = presence.dropNode("node-b");
        assertEquals(1, gone.size());
        assertEquals("alice", gone.get(0)[1]);
        assertEquals(List.of(new PresenceRegistry.Held("room", "bob", info)), presence.heldHere());
    }

    @Test
    void aNodeThatDoesNotHearTheClusterMarksItsViewStale() {
        presence.stale(true);
        assertTrue(presence.records("room").getBoolean("stale"));
        assertTrue(presence.info("room").getBoolean("stale"));
        presence.stale(false);
        assertFalse(presence.records("room").containsKey("stale"));
    }
}
