package io.jcable.internal.server;

import io.jcable.suite.HandshakeSuite;
import io.jcable.testing.CableTarget;
import io.jcable.testing.DemoServer;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link HandshakeSuite} on the standalone runtime. */
class HandshakeIT extends HandshakeSuite {

    @RegisterExtension
    static final DemoServer demo = DemoServer.perClass();

    @Override
    protected CableTarget target() {
        return demo;
    }
}
