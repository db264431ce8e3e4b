package io.jcable.testing;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.importer.ExplodedImporter;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jboss.shrinkwrap.resolver.api.maven.Maven;

/**
 * The demo application as a WAR: the JCable jar in WEB-INF/lib (from target/classes), the demo's
 * classes and page, the official client, and the JWT library. Deployed by the container tests
 * (with the test probe) and written to target/ by {@code mvn -Pdemo-war} for people to deploy.
 */
public final class DemoWar {

    private static final Path TEST_CLASSES = Path.of("target/test-classes");
    private static final String CLIENT = "demo/actioncable/package/app/assets/javascripts/actioncable.esm.js";
    private static final String TURBO = "demo/turbo-rails/package/app/assets/javascripts/turbo.js";

    private DemoWar() {
    }

    /** The demo as people deploy it. */
    public static WebArchive demo(String name) {
        WebArchive war = ShrinkWrap.create(WebArchive.class, name + ".war")
                .addAsLibrary(library())
                .addAsLibraries(Maven.resolver().loadPomFromFile("pom.xml").resolve("com.auth0:java-jwt")
                        .withTransitivity().asFile())
                .addPackages(false, path -> !isTest(path.get()), "io.jcable.demo")
                .addAsWebInfResource(new StringAsset(BEANS_XML), "beans.xml")
                .addAsResource(TEST_CLASSES.resolve("demo/index.html").toFile(), "demo/index.html")
                .addAsResource(TEST_CLASSES.resolve(CLIENT).toFile(), CLIENT)
                .addAsResource(TEST_CLASSES.resolve(TURBO).toFile(), TURBO);
        for (String client : new String[] {"anycable-web", "anycable-core", "nanoevents"}) {
            war.addAsResource(TEST_CLASSES.resolve("demo/" + client + "/package").toFile(), "demo/" + client + "/package");
        }
        return war;
    }

    /** The demo with the test probe (/_probe/*) and, when given, JCable options in META-INF/jcable.properties. */
    public static WebArchive underTest(String name, String jcableProperties) {
        WebArchive war = demo(name).addPackage("io.jcable.internal.server.probe");
        if (jcableProperties != null) {
            war.addAsResource(new StringAsset(jcableProperties), "META-INF/jcable.properties");
        }
        return war;
    }

    /** The JCable library, as users put it in WEB-INF/lib. */
    public static JavaArchive library() {
        return ShrinkWrap.create(ExplodedImporter.class, "jcable.jar").importDirectory("target/classes").as(JavaArchive.class);
    }

    private static boolean isTest(String classPath) {
        String name = classPath.substring(classPath.lastIndexOf('/') + 1).replaceAll("\\$.*|\\.class$", "");
        return name.endsWith("IT") || name.endsWith("Test");
    }

    /** Writes the demo WAR to target/jcable-demo.war: {@code mvn -Pdemo-war}. */
    public static void main(String[] args) throws Exception {
        File out = Path.of(args.length > 0 ? args[0] : "target/jcable-demo.war").toFile();
        Files.deleteIfExists(out.toPath());
        demo(out.getName().replaceAll("\\.war$", "")).as(org.jboss.shrinkwrap.api.exporter.ZipExporter.class).exportTo(out);
        System.out.println("Wrote " + out + ": deploy it to WildFly or Payara (README, \"Use it in your WAR\")");
    }

    private static final String BEANS_XML = """
            <?xml version="1.0" encoding="UTF-8"?>
            <beans xmlns="https://jakarta.ee/xml/ns/jakartaee" version="4.0" bean-discovery-mode="annotated"/>
            """;
}
