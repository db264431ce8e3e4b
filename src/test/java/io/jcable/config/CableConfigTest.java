package io.jcable.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
        assertEquals(Optional.empty(), config.allowedOrigins());
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
        assertEquals(Optional.of(List.of("https://a.example", "http://b.example")), config.allowedOrigins());
        assertEquals("/ws", config.path());
        assertEquals(Optional.of("k"), config.broadcastKey());
    }

    @Test
    void anEmptyOriginListAllowsNobodyWhileAnUnsetOneAllowsEveryone() {
        assertEquals(Optional.of(List.of()), CableConfig.read(Map.of("jcable.allowed-origins", "")::get).allowedOrigins());
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
        assertTrue(notANumber.getMessage().contains("jcable.max-frame-size must be a positive integer: lots"));
        assertThrows(IllegalArgumentException.class, () -> CableConfig.read(Map.of("jcable.send-timeout", "0")::get));
        IllegalArgumentException path = assertThrows(IllegalArgumentException.class,
                () -> CableConfig.read(Map.of("jcable.path", "cable")::get));
        assertTrue(path.getMessage().contains("jcable.path must start with '/'"));
    }
}
