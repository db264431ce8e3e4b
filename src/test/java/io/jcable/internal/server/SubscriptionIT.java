package io.jcable.internal.server;

import io.jcable.suite.SubscriptionSuite;
import io.jcable.testing.CableTarget;
import io.jcable.testing.DemoServer;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link SubscriptionSuite} on the standalone runtime. */
class SubscriptionIT extends SubscriptionSuite {

    @RegisterExtension
    static final DemoServer demo = DemoServer.perClass();

    @Override
    protected CableTarget target() {
        return demo;
    }
}
