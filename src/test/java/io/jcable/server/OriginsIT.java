package io.jcable.server;

import io.jcable.suite.OriginsSuite;
import io.jcable.testing.CableTarget;
import io.jcable.testing.DemoServer;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link OriginsSuite} on the standalone runtime. */
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
}
