package io.jcable.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CableConfigTest {

    @Test
    void hasADefaultForEveryOption() {
        CableConfig config = CableConfig.read(name -> null);
        assertEquals("/cable", config.path());
        assertEquals(new OriginPolicy(false, List.of(), false), config.origins());
        assertEquals(2 * 1024 * 1024, config.maxFrameSize());
        assertEquals(1024, config.outboundQueue());
        assertEquals(10_000, config.sendTimeoutMillis());
        assertEquals(Runtime.getRuntime().availableProcessors(), config.deliveryThreads());
        assertEquals(100_000, config.broadcastBacklog());
        assertEquals(Optional.empty(), config.broadcastKey());
        assertEquals("/_broadcast", config.broadcastPath());
        assertEquals("/_health", config.healthPath());
        assertEquals(2_000, config.shutdownGraceMillis());
        assertEquals(new Limits(256, 4096, 1000, 100_000, Integer.MAX_VALUE), config.limits());
    }

    @Test
    void readsTheLimits() {
        Limits limits = CableConfig.read(Map.of("jcable.max-subscriptions", "3", "jcable.max-identifier-length", "100",
                "jcable.max-commands-per-second", "10", "jcable.max-connections", "5",
                "jcable.max-connections-per-address", "2")::get).limits();
        assertEquals(new Limits(3, 100, 10, 5, 2), limits);
        assertThrows(IllegalArgumentException.class,
                () -> CableConfig.read(Map.of("jcable.max-subscriptions", "0")::get));
    }

    @Test
    void readsListsAndTrimsValues() {
        CableConfig config = CableConfig.read(Map.of("jcable.allowed-origins", " https://a.example , http://b.example,",
                "jcable.path", " /ws ", "jcable.broadcast-key", "k")::get);
        assertEquals(List.of(new WebOrigin("https", "a.example", 443), new WebOrigin("http", "b.example", 80)),
                config.origins().listed());
        assertEquals("/ws", config.path());
        assertEquals(Optional.of("k"), config.broadcastKey());
    }

    @Test
    void readsWhetherToTrustForwardedHeaders() {
        assertTrue(CableConfig.read(Map.of("jcable.trust-forwarded-headers", " TRUE ")::get).origins().trustForwardedHeaders());
        IllegalArgumentException notAFlag = assertThrows(IllegalArgumentException.class,
                () -> CableConfig.read(Map.of("jcable.trust-forwarded-headers", "yes")::get));
        assertEquals("jcable.trust-forwarded-headers must be true or false: yes", notAFlag.getMessage());
    }

    @Test
    void anApplicationsDefaultsComeAfterEverySource() {
        Map<String, String> star = Map.of("jcable.allowed-origins", "*");
        assertTrue(CableConfig.from(Map.of(), star).origins().anyOrigin());
        assertFalse(CableConfig.from(Map.of("jcable.allowed-origins", ""), star).origins().anyOrigin());
        System.setProperty("jcable.allowed-origins", "https://app.example");
        try {
            assertFalse(CableConfig.from(Map.of(), star).origins().anyOrigin());
        } finally {
            System.clearProperty("jcable.allowed-origins");
        }
    }

    @Test
    void explicitOptionsComeFirst() {
        System.setProperty("jcable.outbound-queue", "7");
        try {
            assertEquals(7, CableConfig.from(Map.of()).outboundQueue());
            assertEquals(9, CableConfig.from(Map.of("jcable.outbound-queue", "9")).outboundQueue());
        } finally {
            System.clearProperty("jcable.outbound-queue");
        }
    }

    @Test
    void aBadValueFailsAtStartNamingTheOption() {
        IllegalArgumentException notANumber = assertThrows(IllegalArgumentException.class,
                () -> CableConfig.read(Map.of("jcable.max-frame-size", "lots")::get));
        assertTrue(notANumber.getMessage().contains("jcable.max-frame-size must be a positive integer (at most 2147483647): lots"));
        assertThrows(IllegalArgumentException.class, () -> CableConfig.read(Map.of("jcable.send-timeout", "0")::get));
        IllegalArgumentException path = assertThrows(IllegalArgumentException.class,
                () -> CableConfig.read(Map.of("jcable.path", "cable")::get));
        assertTrue(path.getMessage().contains("jcable.path must start with '/'"));
    }
}
