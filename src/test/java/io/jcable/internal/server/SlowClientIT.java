package io.jcable.internal.server;

import io.jcable.suite.SlowClientSuite;
import io.jcable.testing.CableTarget;
import io.jcable.testing.DemoServer;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link SlowClientSuite} on the standalone runtime. */
class SlowClientIT extends SlowClientSuite {

    @RegisterExtension
    static final DemoServer overflowing = DemoServer.perClass(Map.of("jcable.outbound-queue", "64"));

    @RegisterExtension
    static final DemoServer stalling = DemoServer.perClass(Map.of("jcable.outbound-queue", "100000", "jcable.send-timeout", "1000"));

    @Override
    protected CableTarget overflowing() {
        return overflowing;
    }

    @Override
    protected CableTarget stalling() {
        return stalling;
    }
}
