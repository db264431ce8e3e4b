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

    @Deployment(name = "listed", testable = false)
    static WebArchive listedDemo() {
        return DemoWar.underTest("listed", "jcable.allowed-origins=http://good.example, https://app.example\n");
    }

    @Deployment(name = "nothing-listed", testable = false)
    static WebArchive nothingListedDemo() {
        return DemoWar.underTest("nothing-listed", "jcable.allowed-origins=\n");
    }

    @ArquillianResource
    @OperateOnDeployment("listed")
    URL listedBase;

    @ArquillianResource
    @OperateOnDeployment("nothing-listed")
    URL nothingListedBase;

    @Override
    protected CableTarget listed() {
        return Deployed.at(listedBase);
    }

    @Override
    protected CableTarget nothingListed() {
        return Deployed.at(nothingListedBase);
    }
}
