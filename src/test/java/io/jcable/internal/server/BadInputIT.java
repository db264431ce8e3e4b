package io.jcable.internal.server;

import io.jcable.suite.BadInputSuite;
import io.jcable.testing.CableTarget;
import io.jcable.testing.DemoServer;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link BadInputSuite} on the standalone runtime. */
class BadInputIT extends BadInputSuite {

    @RegisterExtension
    static final DemoServer demo = DemoServer.perClass();

    @Override
    protected CableTarget target() {
        return demo;
    }
}
