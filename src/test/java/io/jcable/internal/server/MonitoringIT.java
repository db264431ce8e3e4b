package io.jcable.internal.server;

import io.jcable.suite.MonitoringSuite;
import io.jcable.testing.CableTarget;
import io.jcable.testing.DemoServer;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link MonitoringSuite} on the standalone runtime. */
class MonitoringIT extends MonitoringSuite {

    @RegisterExtension
    static final DemoServer demo = DemoServer.perClass();

    @Override
    protected CableTarget target() {
        return demo;
    }
}
