package io.jcable.container;

import io.jcable.suite.LimitsSuite;
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

/** {@link LimitsSuite} on an application server: three WARs configured by META-INF/jcable.properties. */
@ExtendWith({LeftoverMicroInstances.class, ArquillianExtension.class})
@RunAsClient
class LimitsIT extends LimitsSuite {

    @Deployment(name = "strict", testable = false)
    static WebArchive strictDemo() {
        return DemoWar.underTest("limits-strict",
                "jcable.max-subscriptions=3\njcable.max-identifier-length=100\njcable.max-commands-per-second=10\n"
                        + "jcable.max-frame-size=1000\n");
    }

    @Deployment(name = "small", testable = false)
    static WebArchive smallDemo() {
        return DemoWar.underTest("limits-small", "jcable.max-connections=3\n");
    }

    @Deployment(name = "per-address", testable = false)
    static WebArchive perAddressDemo() {
        return DemoWar.underTest("limits-per-address", "jcable.max-connections-per-address=2\n");
    }

    @ArquillianResource
    @OperateOnDeployment("strict")
    URL strictBase;

    @ArquillianResource
    @OperateOnDeployment("small")
    URL smallBase;

    @ArquillianResource
    @OperateOnDeployment("per-address")
    URL perAddressBase;

    @Override
    protected CableTarget strict() {
        return Deployed.at(strictBase);
    }

    @Override
    protected CableTarget small() {
        return Deployed.at(smallBase);
    }

    @Override
    protected CableTarget perAddress() {
        return Deployed.at(perAddressBase);
    }
}
