package io.jcable.container;

import io.jcable.container.app.CablePage;
import io.jcable.container.app.CommentService;
import io.jcable.container.app.CommentsResource;
import io.jcable.container.app.ContainerIdentities;
import io.jcable.container.app.RestApplication;
import io.jcable.container.app.SessionLogin;
import io.jcable.demo.DemoConfig;
import io.jcable.demo.JwtConnection;
import io.jcable.testing.DemoWar;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jboss.shrinkwrap.api.Filters;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jboss.shrinkwrap.resolver.api.maven.Maven;

/** The test WARs that only application servers can run. */
final class ContainerWars {

    private ContainerWars() {
    }

    /** The demo plus an EJB and a JAX-RS resource that broadcast in transactions (/api/comments/...). */
    static WebArchive transactions() {
        return DemoWar.underTest("transactions", null)
                .addClasses(CommentService.class, CommentsResource.class, RestApplication.class);
    }

    /**
     * The transactions WAR as one node of a cluster, its options in {@code jcableProperties}; with
     * JCable's own Artemis client in WEB-INF/lib when {@code artemisClient} (Payara Micro has none).
     */
    static WebArchive clusterNode(String jcableProperties, boolean artemisClient) {
        WebArchive war = DemoWar.underTest("cluster", jcableProperties)
                .addClasses(CommentService.class, CommentsResource.class, RestApplication.class);
        if (artemisClient) {
            war.addAsLibraries(Maven.resolver().loadPomFromFile("pom.xml")
                    .resolve("org.apache.activemq:artemis-jakarta-client").withTransitivity().asFile());
        }
        return war;
    }

    /**
     * The demo identifying users by the container (the WAR example's FORM login against the file
     * realm, role "cable") or by the HTTP session, instead of by token; with JCable's default options
     * (not the demo's, which let any origin in), and a page of its own that opens the cable.
     */
    static WebArchive identities() {
        WebArchive war = DemoWar.underTest("identities", null)
                .deleteClasses(JwtConnection.class, DemoConfig.class)
                .addClasses(ContainerIdentities.class, SessionLogin.class, CablePage.class)
                .addAsResource(Path.of("target/test-classes", CablePage.RESOURCE).toFile(), CablePage.RESOURCE);
        return war.merge(minimal(), Filters.include("/WEB-INF/(web|glassfish-web)\\.xml|.*/(LoginPage|WhoAmI)\\.class"));
    }

    /**
     * The WAR example (src/examples/war, README's "Use it in your WAR") exactly as its own pom built
     * it, with this build's jar (maven-invoker-plugin, before the integration tests).
     */
    static WebArchive minimal() {
        Path war = Path.of("target/examples/war/target/rooms.war");
        if (!Files.isRegularFile(war)) {
            throw new IllegalStateException(war.toAbsolutePath() + " is missing: the examples are built by maven-invoker-plugin"
                    + " in pre-integration-test (mvn verify, without -DskipTests)");
        }
        return ShrinkWrap.createFromZipFile(WebArchive.class, war.toFile());
    }
}
