package io.jcable.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.members;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * The layering of README's "How it is built", checked at every build: what applications import
 * (the API packages) apart from the engine ({@code io.jcable.internal}), dependencies pointing one
 * way, and the standalone runtime's libraries kept inside it.
 */
@AnalyzeClasses(packages = "io.jcable", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String[] API = {
            "io.jcable.channel..", "io.jcable.config..", "io.jcable.broadcast..", "io.jcable.standalone..", "io.jcable.turbo..",
            "io.jcable.testing.."};

    /** Each layer uses only the layers below it; the API's own pieces are the bottom and the top. */
    @ArchTest
    static final ArchRule layersPointOneWay = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("channel API").definedBy("io.jcable.channel..")
            .layer("configuration").definedBy("io.jcable.config..")
            .layer("protocol").definedBy("io.jcable.internal.protocol..")
            .layer("threads").definedBy("io.jcable.internal.threads..")
            .layer("binding").definedBy("io.jcable.internal.binding..")
            .layer("identity").definedBy("io.jcable.internal.identity..")
            .layer("history").definedBy("io.jcable.internal.history..")
            .layer("session").definedBy("io.jcable.internal.session..")
            .layer("presence").definedBy("io.jcable.internal.presence..")
            .layer("broadcast").definedBy("io.jcable.broadcast..", "io.jcable.internal.broadcast..")
            .layer("server").definedBy("io.jcable.internal.server..")
            .layer("cluster").definedBy("io.jcable.internal.cluster..")
            .layer("http").definedBy("io.jcable.internal.http..")
            .layer("turbo").definedBy("io.jcable.turbo..", "io.jcable.internal.turbo..")
            .layer("sse").definedBy("io.jcable.internal.sse..")
            .layer("monitoring").definedBy("io.jcable.internal.monitoring..")
            .layer("standalone").definedBy("io.jcable.standalone..", "io.jcable.internal.standalone..")
            .layer("testing").definedBy("io.jcable.testing..")
            .whereLayer("channel API").mayNotAccessAnyLayer()
            .whereLayer("configuration").mayNotAccessAnyLayer()
            .whereLayer("protocol").mayNotAccessAnyLayer()
            .whereLayer("threads").mayNotAccessAnyLayer()
            // Binding reads the configuration only to know whether JWT identification stands in for a connection handler.
            .whereLayer("binding").mayOnlyAccessLayers("channel API", "configuration", "protocol")
            .whereLayer("identity").mayOnlyAccessLayers("channel API", "configuration")
            .whereLayer("history").mayOnlyAccessLayers("configuration")
            .whereLayer("session").mayOnlyAccessLayers("channel API", "configuration")
            .whereLayer("presence").mayNotAccessAnyLayer()
            .whereLayer("broadcast").mayOnlyAccessLayers("channel API", "configuration", "protocol", "threads", "binding",
                    "history")
            .whereLayer("server").mayOnlyAccessLayers("channel API", "configuration", "protocol", "threads", "binding",
                    "identity", "history", "session", "presence", "broadcast")
            // The cluster delivers what other nodes publish to this node's streams and connections.
            .whereLayer("cluster").mayOnlyAccessLayers("configuration", "protocol", "threads", "broadcast", "server", "session",
                    "presence")
            .whereLayer("http").mayOnlyAccessLayers("channel API", "configuration", "protocol", "presence", "broadcast")
            // Turbo's built-in channels are found by CDI like the application's: nothing else depends on them. Its refresh
            // debouncer has a timer thread.
            .whereLayer("turbo").mayOnlyAccessLayers("channel API", "configuration", "protocol", "threads", "broadcast")
            // Server-Sent Events of signed streams: verified by turbo, fed by broadcast, caught up from history.
            .whereLayer("sse").mayOnlyAccessLayers("configuration", "protocol", "threads", "history", "broadcast", "turbo")
            // Monitoring reads the others; nothing but the runtime that registers it depends on it.
            .whereLayer("monitoring").mayOnlyAccessLayers("configuration", "broadcast", "server", "cluster", "sse")
            .whereLayer("standalone").mayOnlyAccessLayers("configuration", "server", "http", "sse", "monitoring")
            // The test kit drives the engine's connections in memory, on the standalone runtime's CDI container or the app's.
            .whereLayer("testing").mayOnlyAccessLayers("channel API", "configuration", "protocol", "server", "standalone");

    /** No two engine packages depend on each other. */
    @ArchTest
    static final ArchRule engineFreeOfCycles = slices().matching("io.jcable.internal.(*)..").should().beFreeOfCycles();

    /** Tyrus, Grizzly and Weld are the standalone runtime's business: a WAR never sees them. */
    @ArchTest
    static final ArchRule standaloneLibrariesStayInside = noClasses()
            .that().resideOutsideOfPackage("io.jcable.internal.standalone..")
            .should().dependOnClassesThat().resideInAnyPackage("org.glassfish.tyrus..", "org.glassfish.grizzly..",
                    "org.jboss.weld..");

    /** What applications call never hands them, or asks them for, an engine type. */
    @ArchTest
    static final ArchRule apiExposesNoEngineType = members()
            .that().areDeclaredInClassesThat().resideInAnyPackage(API)
            .and().areDeclaredInClassesThat().arePublic()
            .and().arePublic()
            .should(new ArchCondition<JavaMember>("use only API, Java and Jakarta types in their signatures") {
                @Override
                public void check(JavaMember member, ConditionEvents events) {
                    for (JavaClass type : signatureTypes(member)) {
                        if (resideInAPackage("io.jcable.internal..").test(type)) {
                            events.add(SimpleConditionEvent.violated(member,
                                    member.getFullName() + " exposes " + type.getName()));
                        }
                    }
                }
            });

    /** The engine's types are public only for each other; the API never extends them. */
    @ArchTest
    static final ArchRule apiExtendsNoEngineType = noClasses().that().resideInAnyPackage(API)
            .and().haveModifier(JavaModifier.PUBLIC)
            .should().beAssignableTo(resideInAPackage("io.jcable.internal.."));

    private static List<JavaClass> signatureTypes(JavaMember member) {
        List<JavaClass> types = new ArrayList<>();
        if (member instanceof JavaField field) {
            types.addAll(field.getType().getAllInvolvedRawTypes());
        } else if (member instanceof JavaCodeUnit code) {
            types.addAll(code.getReturnType().getAllInvolvedRawTypes());
            code.getParameterTypes().forEach(parameter -> types.addAll(parameter.getAllInvolvedRawTypes()));
            code.getThrowsClause().getTypes().forEach(thrown -> types.add(thrown));
        }
        return types;
    }
}
