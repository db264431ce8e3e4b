package io.jcable.container;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jcable.suite.TurboSuite;
import io.jcable.testing.CableTarget;
import io.jcable.testing.DemoWar;
import java.net.URL;
import java.net.http.HttpRequest;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link TurboSuite} on an application server. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TurboIT extends TurboSuite {

    /** A page of the application, with JCable's EL functions (META-INF/jcable.tld of the jar). */
    private static final String JSP = """
            <%@ taglib prefix="jcable" uri="urn:io.jcable:turbo" %>
            ${jcable:turboStreamFrom(['comments', 'post:42'])}
            <turbo-stream-source src="events?turbo_signed_stream_name=${jcable:signedStreamName('comments:post:42')}"></turbo-stream-source>
            """;

    @Deployment(testable = false)
    static WebArchive demo() {
        return DemoWar.underTest("turbo", null).addAsWebResource(new StringAsset(JSP), "turbo-tag.jsp");
    }

    @ArquillianResource
    URL base;

    @Override
    protected CableTarget target() {
        return Deployed.at(base);
    }

    @Test
    void aJspRendersTheStreamSourceElementsWithTheElFunctions() {
        String page = target().send(HttpRequest.newBuilder(target().http("turbo-tag.jsp")).build()).body();
        assertTrue(page.contains("<turbo-cable-stream-source channel=\"Turbo::StreamsChannel\" signed-stream-name=\""
                + RAILS_SIGNED_POST_42 + "\"></turbo-cable-stream-source>"), page);
        assertTrue(page.contains("events?turbo_signed_stream_name=" + RAILS_SIGNED_POST_42 + "\""), page);
    }
}
