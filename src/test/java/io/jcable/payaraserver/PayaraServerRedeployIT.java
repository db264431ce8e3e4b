package io.jcable.payaraserver;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jcable.container.observer.JvmObserver;
import io.jcable.testing.CableTarget;
import io.jcable.testing.DemoWar;
import io.jcable.testing.PayaraDomain;
import io.jcable.testing.RedeployCheck;
import java.io.File;
import java.net.URI;
import java.util.List;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * {@link RedeployCheck} on Payara Server: asadmin deploys and undeploys the demo next to the observer.
 * Payara keeps undeployed WebSocket applications in memory: it recycles its request objects without
 * clearing their upgrade handler, Tyrus', and through it the application's endpoint and class
 * loader stay reachable from wherever Grizzly keeps the recycled request (a worker's thread cache,
 * an idle keep-alive connection) until that request serves another upgrade. So the check here reads
 * a heap dump: every path that keeps an undeployed WAR's class loader alive must run through a
 * recycled request's upgrade handler, none through JCable's own state.
 */
class PayaraServerRedeployIT {

    @Test
    void threeRoundsLeaveNoThreadAndNoClassLoaderBehind() throws Exception {
        File observerWar = export(ShrinkWrap.create(WebArchive.class, "observer.war").addClass(JvmObserver.class));
        File demoWar = export(DemoWar.underTest("redeployed", null));
        try (PayaraDomain domain = PayaraDomain.start("redeploy", 28100)) {
            domain.asadmin("deploy", "--contextroot", "observer", observerWar.getAbsolutePath()).orFail();
            URI base = URI.create("http://127.0.0.1:" + domain.httpPort() + "/");
            RedeployCheck.threeRounds(CableTarget.deployed(base.resolve("observer/"), "payara-server"),
                    CableTarget.deployed(base.resolve("redeployed/"), "payara-server"), new RedeployCheck.Deployments() {
                        @Override
                        public void deploy() throws Exception {
                            domain.asadmin("deploy", "--contextroot", "redeployed", "--name", "redeployed",
                                    demoWar.getAbsolutePath()).orFail();
                        }

                        @Override
                        public void undeploy() throws Exception {
                            domain.asadmin("undeploy", "redeployed").orFail();
                        }
                    }, PayaraServerRedeployIT::heldOnlyByRecycledRequests);
        }
    }

    private static void heldOnlyByRecycledRequests(CableTarget observer) throws Exception {
        RedeployCheck.loadedCopies(observer); // a full GC first
        for (List<String> path : RedeployCheck.pathsToPinned(observer)) {
            int request = path.indexOf("com.sun.enterprise.web.pwc.connector.coyote.PwcCoyoteRequest");
            assertTrue(request >= 0 && path.indexOf("org.glassfish.tyrus.servlet.TyrusHttpUpgradeHandler") == request + 1,
                    "held by something else than a recycled request's upgrade handler: " + path);
            assertTrue(path.stream().noneMatch(step -> step.startsWith("io.jcable.") && step.endsWith("(class)")),
                    "held by a static field of JCable: " + path);
        }
    }

    private static File export(WebArchive war) {
        File file = new File("target", war.getName());
        war.as(ZipExporter.class).exportTo(file, true);
        return file;
    }
}
