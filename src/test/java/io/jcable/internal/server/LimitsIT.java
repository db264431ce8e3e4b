package io.jcable.internal.server;

import io.jcable.suite.LimitsSuite;
import io.jcable.testing.CableTarget;
import io.jcable.testing.DemoServer;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link LimitsSuite} on the standalone runtime. */
class LimitsIT extends LimitsSuite {

    @RegisterExtension
    static final DemoServer strict = DemoServer.perClass(Map.of("jcable.max-subscriptions", "3",
            "jcable.max-identifier-length", "100", "jcable.max-commands-per-second", "10", "jcable.max-frame-size", "1000"));

    @RegisterExtension
    static final DemoServer small = DemoServer.perClass(Map.of("jcable.max-connections", "3"));

    @RegisterExtension
    static final DemoServer perAddress = DemoServer.perClass(Map.of("jcable.max-connections-per-address", "2"));

    @Override
    protected CableTarget strict() {
        return strict;
    }

    @Override
    protected CableTarget small() {
        return small;
    }

    @Override
    protected CableTarget perAddress() {
        return perAddress;
    }
}
