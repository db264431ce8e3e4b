package io.jcable.container;

import io.jcable.container.observer.JvmObserver;
import io.jcable.testing.CableTarget;
import io.jcable.testing.DemoWar;
import io.jcable.testing.RedeployCheck;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@link RedeployCheck} on WildFly. (Payara Micro's adapter starts a JVM per deployment, so an
 * undeploy there ends a process: Payara is checked on Payara Server, PayaraServerRedeployIT.)
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RedeployIT {

    @Deployment(name = "observer", testable = false)
    static WebArchive observer() {
        return ShrinkWrap.create(WebArchive.class, "observer.war").addClass(JvmObserver.class);
    }

    @Deployment(name = "demo", managed = false, testable = false)
    static WebArchive demo() {
        return DemoWar.underTest("redeployed", null);
    }

    @ArquillianResource
    Deployer deployer;

    @ArquillianResource
    @OperateOnDeployment("observer")
    URL observerBase;

    @Test
    void threeRoundsLeaveNoThreadAndNoClassLoaderBehind() throws Exception {
        CableTarget observer = Deployed.at(observerBase);
        CableTarget demo = CableTarget.deployed(observer.base().resolve("/redeployed/"), observer.runtime());
        RedeployCheck.threeRounds(observer, demo, new RedeployCheck.Deployments() {
            @Override
            public void deploy() {
                deployer.deploy("demo");
            }

            @Override
            public void undeploy() {
                deployer.undeploy("demo");
            }
        }, RedeployCheck.NOTHING);
    }
}
