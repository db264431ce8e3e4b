package io.jcable.internal.server;

import io.jcable.suite.StreamsSuite;
import io.jcable.testing.CableTarget;
import io.jcable.testing.DemoServer;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link StreamsSuite} on the standalone runtime. */
class StreamsIT extends StreamsSuite {

    @RegisterExtension
    static final DemoServer demo = DemoServer.perClass();

    @Override
    protected CableTarget target() {
        return demo;
    }
}
