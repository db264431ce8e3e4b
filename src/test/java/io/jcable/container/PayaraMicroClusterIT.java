package io.jcable.container;

import io.jcable.testing.TestBroker;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The mixed cluster with a Payara Micro node configured as the README says: Payara Micro has no
 * JMS client of its own, so the WAR carries artemis-jakarta-client and names the broker's URL.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PayaraMicroClusterIT extends MixedClusterSuite {

    /** The broker starts first: the WAR's options name its URL. */
    @Deployment(testable = false)
    static WebArchive clusterNode() throws Exception {
        broker = TestBroker.start();
        return ContainerWars.clusterNode("jcable.cluster.url=" + broker.url() + "\n", true);
    }

    @AfterAll
    static void stopTheBroker() throws Exception {
        broker.close();
    }
}
