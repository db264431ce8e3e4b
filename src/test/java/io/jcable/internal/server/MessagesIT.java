package io.jcable.internal.server;

import io.jcable.suite.MessagesSuite;
import io.jcable.testing.CableTarget;
import io.jcable.testing.DemoServer;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link MessagesSuite} on the standalone runtime. */
class MessagesIT extends MessagesSuite {

    @RegisterExtension
    static final DemoServer demo = DemoServer.perClass();

    @Override
    protected CableTarget target() {
        return demo;
    }
}
