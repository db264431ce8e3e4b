package io.jcable.internal.server;

import io.jcable.suite.ManyConnectionsSuite;
import io.jcable.testing.CableTarget;
import io.jcable.testing.DemoServer;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link ManyConnectionsSuite} on the standalone runtime. */
class ManyConnectionsIT extends ManyConnectionsSuite {

    @RegisterExtension
    static final DemoServer demo = DemoServer.perClass();

    @Override
    protected CableTarget target() {
        return demo;
    }
}
