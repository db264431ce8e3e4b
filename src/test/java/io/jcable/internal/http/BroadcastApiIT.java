package io.jcable.internal.http;

import io.jcable.suite.BroadcastApiSuite;
import io.jcable.testing.CableTarget;
import io.jcable.testing.DemoServer;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link BroadcastApiSuite} on the standalone runtime. */
class BroadcastApiIT extends BroadcastApiSuite {

    @RegisterExtension
    static final DemoServer demo = DemoServer.perClass();

    @Override
    protected CableTarget target() {
        return demo;
    }
}
