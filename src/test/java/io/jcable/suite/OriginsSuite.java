package io.jcable.suite;

import static io.jcable.testing.CableClient.headers;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jcable.testing.CableClient;
import io.jcable.testing.CableTarget;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The origin allow-list: a refused origin never gets the upgrade (cross-site WebSocket hijacking). */
public abstract class OriginsSuite {

    /** The demo with CABLE_ALLOWED_ORIGINS="http://good.example, https://app.example". */
    protected abstract CableTarget strict();

    /** The demo with CABLE_ALLOWED_ORIGINS="" (an empty list: nobody). */
    protected abstract CableTarget closed();

    @Test
    void allowsOnlyListedOriginsOnceAListIsSet() {
        try (CableClient allowed = CableClient.connect(strict().cable("alice"), headers("Origin", "https://app.example"),
                CableClient.OFFERED)) {
            assertEquals("{\"type\":\"welcome\"}", allowed.next());
        }
        int foreign = CableClient.refusedUpgradeStatus(strict().cable("alice"), headers("Origin", "http://evil.example"));
        int missing = CableClient.refusedUpgradeStatus(strict().cable("alice"), Map.of());
        assertTrue(foreign >= 400, "status " + foreign);
        assertTrue(missing >= 400, "status " + missing);
    }

    @Test
    void anEmptyOriginListRefusesEveryone() {
        assertTrue(CableClient.refusedUpgradeStatus(closed().cable("alice"), headers("Origin", "http://good.example")) >= 400);
        assertTrue(CableClient.refusedUpgradeStatus(closed().cable("alice"), Map.of()) >= 400);
    }
}
