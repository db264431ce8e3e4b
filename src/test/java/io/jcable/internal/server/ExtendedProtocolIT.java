package io.jcable.internal.server;

import io.jcable.suite.ExtendedProtocolSuite;
import io.jcable.testing.CableTarget;
import io.jcable.testing.DemoServer;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link ExtendedProtocolSuite} on the standalone runtime. */
class ExtendedProtocolIT extends ExtendedProtocolSuite {

    @RegisterExtension
    static final DemoServer demo = DemoServer.perClass();

    @Override
    protected CableTarget target() {
        return demo;
    }
}
