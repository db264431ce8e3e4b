package io.jcable.container;

import io.jcable.suite.OriginsSuite;
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

/** {@link OriginsSuite} on an application server: two WARs configured by META-INF/jcable.properties. */
@ExtendWith({LeftoverMicroInstances.class, ArquillianExtension.class})
@RunAsClient
class OriginsIT extends OriginsSuite {

    @Deployment(name = "strict", testable = false)
    static WebArchive strictDemo() {
        return DemoWar.underTest("strict", "jcable.allowed-origins=http://good.example, https://app.example\n");
    }

    @Deployment(name = "closed", testable = false)
    static WebArchive closedDemo() {
        return DemoWar.underTest("closed", "jcable.allowed-origins=\n");
    }

    @ArquillianResource
    @OperateOnDeployment("strict")
    URL strictBase;

    @ArquillianResource
    @OperateOnDeployment("closed")
    URL closedBase;

    @Override
    protected CableTarget strict() {
        return Deployed.at(strictBase);
    }

    @Override
    protected CableTarget closed() {
        return Deployed.at(closedBase);
    }
}
