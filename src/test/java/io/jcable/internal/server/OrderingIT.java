package io.jcable.internal.server;

import io.jcable.suite.OrderingSuite;
import io.jcable.testing.CableTarget;
import io.jcable.testing.DemoServer;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link OrderingSuite} on the standalone runtime. */
class OrderingIT extends OrderingSuite {

    @RegisterExtension
    static final DemoServer demo = DemoServer.perClass();

    @Override
    protected CableTarget target() {
        return demo;
    }
}
