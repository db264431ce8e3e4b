package io.jcable.server;

import io.jcable.suite.OriginsSuite;
import io.jcable.testing.CableTarget;
import io.jcable.testing.DemoServer;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link OriginsSuite} on the standalone runtime. */
class OriginsIT extends OriginsSuite {

    @RegisterExtension
    static final DemoServer strict = DemoServer.perClass(Map.of("CABLE_ALLOWED_ORIGINS", "http://good.example, https://app.example"));

    @RegisterExtension
    static final DemoServer closed = DemoServer.perClass(Map.of("CABLE_ALLOWED_ORIGINS", ""));

    @Override
    protected CableTarget strict() {
        return strict;
    }

    @Override
    protected CableTarget closed() {
        return closed;
    }
}
