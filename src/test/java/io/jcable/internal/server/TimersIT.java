package io.jcable.internal.server;

import io.jcable.suite.TimersSuite;
import io.jcable.testing.CableTarget;
import io.jcable.testing.DemoServer;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link TimersSuite} on the standalone runtime. */
class TimersIT extends TimersSuite {

    @RegisterExtension
    static final DemoServer demo = DemoServer.perClass();

    @Override
    protected CableTarget target() {
        return demo;
    }
}
