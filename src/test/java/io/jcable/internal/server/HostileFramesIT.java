package io.jcable.internal.server;

import io.jcable.suite.HostileFramesSuite;
import io.jcable.testing.CableTarget;
import io.jcable.testing.DemoServer;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link HostileFramesSuite} on the standalone runtime. */
class HostileFramesIT extends HostileFramesSuite {

    @RegisterExtension
    static final DemoServer demo = DemoServer.perClass(Map.of("jcable.max-commands-per-second", "1000000"));

    @Override
    protected CableTarget target() {
        return demo;
    }
}
