package io.jcable.container;

import io.jcable.suite.TimersSuite;
import io.jcable.testing.CableTarget;
import io.jcable.testing.DemoWar;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link TimersSuite} on an application server. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TimersIT extends TimersSuite {

    @Deployment(testable = false)
    static WebArchive demo() {
        return DemoWar.underTest("timers", null);
    }

    @ArquillianResource
    URL base;

    @Override
    protected CableTarget target() {
        return Deployed.at(base);
    }
}
