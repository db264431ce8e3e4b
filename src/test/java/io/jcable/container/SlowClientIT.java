package io.jcable.container;

import io.jcable.suite.SlowClientSuite;
import io.jcable.testing.CableTarget;
import io.jcable.testing.DemoWar;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link SlowClientSuite} on an application server: two WARs configured by META-INF/jcable.properties. */
@ExtendWith({LeftoverMicroInstances.class, ArquillianExtension.class})
@RunAsClient
class SlowClientIT extends SlowClientSuite {

    @Deployment(name = "overflowing", testable = false)
    static WebArchive overflowingDemo() {
        return DemoWar.underTest("overflowing", "jcable.outbound-queue=64\n");
    }

    @Deployment(name = "stalling", testable = false)
    static WebArchive stallingDemo() {
        return DemoWar.underTest("stalling", "jcable.outbound-queue=100000\njcable.send-timeout=1000\n");
    }

    @ArquillianResource
    @OperateOnDeployment("overflowing")
    URL overflowingBase;

    @ArquillianResource
    @OperateOnDeployment("stalling")
    URL stallingBase;

    @Override
    protected CableTarget overflowing() {
        return Deployed.at(overflowingBase);
    }

    @Override
    protected CableTarget stalling() {
        return Deployed.at(stallingBase);
    }
}
