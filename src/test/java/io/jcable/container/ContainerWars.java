package io.jcable.container;

import io.jcable.container.app.CablePage;
import io.jcable.container.app.CommentService;
import io.jcable.container.app.CommentsResource;
import io.jcable.container.app.ContainerIdentities;
import io.jcable.container.app.LoginPage;
import io.jcable.container.app.RestApplication;
import io.jcable.container.app.SessionLogin;
import io.jcable.container.app.WhoAmI;
import io.jcable.container.minimal.RoomChannel;
import io.jcable.demo.DemoConfig;
import io.jcable.demo.JwtConnection;
import io.jcable.testing.DemoWar;
import java.nio.file.Path;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
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
     * The demo identifying users by the container (FORM login against the file realm, role "cable")
     * or by the HTTP session, instead of by token; with JCable's default options (not the demo's,
     * which let any origin in), and a page of its own that opens the cable.
     */
    static WebArchive identities() {
        WebArchive war = DemoWar.underTest("identities", null)
                .deleteClasses(JwtConnection.class, DemoConfig.class)
                .addClasses(ContainerIdentities.class, SessionLogin.class, CablePage.class)
                .addAsResource(Path.of("target/test-classes", CablePage.RESOURCE).toFile(), CablePage.RESOURCE);
        return withFormLogin(war);
    }

    /**
     * Exactly the minimum README's "Use it in your WAR" shows (package {@code minimal}, no beans.xml),
     * in an application that has a FORM login.
     */
    static WebArchive minimal() {
        WebArchive war = ShrinkWrap.create(WebArchive.class, "minimal.war")
                .addAsLibrary(DemoWar.library())
                .addPackage(RoomChannel.class.getPackage());
        return withFormLogin(war);
    }

    /** FORM login at /login against the server's file realm; /secure/whoami needs the role "cable". */
    private static WebArchive withFormLogin(WebArchive war) {
        return war.addClasses(WhoAmI.class, LoginPage.class)
                .addAsWebInfResource(new StringAsset(WEB_XML), "web.xml")
                .addAsWebInfResource(new StringAsset(GLASSFISH_WEB_XML), "glassfish-web.xml");
    }

    private static final String WEB_XML = """
            <?xml version="1.0" encoding="UTF-8"?>
            <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">
              <security-constraint>
                <web-resource-collection>
                  <web-resource-name>secure</web-resource-name>
                  <url-pattern>/secure/*</url-pattern>
                </web-resource-collection>
                <auth-constraint><role-name>cable</role-name></auth-constraint>
              </security-constraint>
              <login-config>
                <auth-method>FORM</auth-method>
                <realm-name>file</realm-name>
                <form-login-config>
                  <form-login-page>/login</form-login-page>
                  <form-error-page>/login-failed</form-error-page>
                </form-login-config>
              </login-config>
              <security-role><role-name>cable</role-name></security-role>
            </web-app>
            """;

    /** Payara: the file realm's group "cable" is the role "cable" (WildFly reads application-roles.properties). */
    private static final String GLASSFISH_WEB_XML = """
            <?xml version="1.0" encoding="UTF-8"?>
            <glassfish-web-app>
              <security-role-mapping><role-name>cable</role-name><group-name>cable</group-name></security-role-mapping>
            </glassfish-web-app>
            """;
}
