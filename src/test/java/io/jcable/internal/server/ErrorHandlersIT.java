package io.jcable.internal.server;

import io.jcable.suite.ErrorHandlersSuite;
import io.jcable.testing.CableTarget;
import io.jcable.testing.DemoServer;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link ErrorHandlersSuite} on the standalone runtime. */
class ErrorHandlersIT extends ErrorHandlersSuite {

    @RegisterExtension
    static final DemoServer demo = DemoServer.perClass();

    @Override
    protected CableTarget target() {
        return demo;
    }
}
