package io.jcable.internal.server;

import static io.jcable.testing.CableClient.headers;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jcable.demo.DemoApp;
import io.jcable.standalone.CableServer;
import io.jcable.suite.OriginsSuite;
import io.jcable.testing.CableClient;
import io.jcable.testing.CableTarget;
import io.jcable.testing.DemoServer;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link OriginsSuite} on the standalone runtime, and what is logged at start (before any probe could listen). */
class OriginsIT extends OriginsSuite {

    @RegisterExtension
    static final DemoServer listed = DemoServer.perClass(Map.of("CABLE_ALLOWED_ORIGINS", "http://good.example, https://app.example"));

    @RegisterExtension
    static final DemoServer nothingListed = DemoServer.perClass(Map.of("CABLE_ALLOWED_ORIGINS", ""));

    @Override
    protected CableTarget listed() {
        return listed;
    }

    @Override
    protected CableTarget nothingListed() {
        return nothingListed;
    }

    @Test
    void behindAProxyTheForwardedOriginCountsOnlyWhenTheOperatorTrustsIt() {
        Map<String, String> proxied = headers("X-Forwarded-Proto", "https", "X-Forwarded-Host", "app.example",
                "Origin", "https://app.example");
        assertEquals(403, CableClient.refusedUpgradeStatus(nothingListed.cable("alice"), proxied), "any client can send them");
        try (DemoServer behindProxy = DemoServer.start(Map.of("CABLE_ALLOWED_ORIGINS", "", "jcable.trust-forwarded-headers", "true"));
             CableClient client = CableClient.connect(behindProxy.cable("alice"), proxied, CableClient.OFFERED)) {
            assertEquals("{\"type\":\"welcome\"}", client.next());
            assertEquals(403, CableClient.refusedUpgradeStatus(behindProxy.cable("alice"), headers("X-Forwarded-Proto", "https",
                    "X-Forwarded-Host", "app.example", "Origin", "https://evil.example")));
            assertEquals(403, CableClient.refusedUpgradeStatus(behindProxy.cable("alice"), headers("X-Forwarded-Proto", "https",
                    "X-Forwarded-Host", "app.example", "Origin", "http://app.example")), "the proxy's scheme, not the socket's");
        }
    }

    @Test
    void theDemoLetsAnySiteInWhileCableAllowedOriginsIsUnsetAndBothItAndJCableSaySoAtStart() {
        List<LogRecord> records = new CopyOnWriteArrayList<>();
        Handler recorder = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger jcable = Logger.getLogger("io.jcable");
        jcable.addHandler(recorder);
        try (CableServer demo = DemoApp.start(Map.of("CABLE_PORT", "0"))) {
            URI cable = URI.create(demo.uri() + "?token=" + CableTarget.TOKENS.issue("alice", Duration.ofHours(1)));
            try (CableClient client = CableClient.connect(cable, headers("Origin", "http://anywhere.example"), CableClient.OFFERED)) {
                assertEquals("{\"type\":\"welcome\"}", client.next());
            }
        } finally {
            jcable.removeHandler(recorder);
        }
        assertTrue(records.stream().anyMatch(r -> r.getLevel() == Level.WARNING
                && r.getMessage().startsWith("jcable.allowed-origins=*: a page of any web site may open a WebSocket")
                && r.getMessage().contains("cross-site WebSocket hijacking")), records::toString);
        assertTrue(records.stream().anyMatch(r -> r.getLoggerName().equals("io.jcable.demo.DemoConfig")
                && r.getMessage().startsWith("CABLE_ALLOWED_ORIGINS is unset: the demo lets pages of any origin connect")), records::toString);
    }
}
