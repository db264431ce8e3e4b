package io.jcable.turbo;

import jakarta.enterprise.inject.spi.CDI;

/**
 * {@link TurboStreams} as EL functions for server-rendered pages (JSP and Facelets), declared in the
 * jar's {@code META-INF/jcable.tld} and {@code META-INF/jcable.taglib.xml} under
 * {@value #NAMESPACE}. Several streamables go in an EL list.
 *
 * <pre>{@code
 * <%@ taglib prefix="jcable" uri="urn:io.jcable:turbo" %>
 * ${jcable:turboStreamFrom(['comments', post])}
 * }</pre>
 */
public final class TurboFunctions {

    /** The tag library's URI (JSP) and namespace (Facelets). */
    public static final String NAMESPACE = "urn:io.jcable:turbo";

    private TurboFunctions() {
    }

    /** {@link TurboStreams#streamSourceTag}: the {@code <turbo-cable-stream-source>} element, as turbo-rails' {@code turbo_stream_from}. */
    public static String turboStreamFrom(Object streamables) {
        return turbo().streamSourceTag(streamables);
    }

    /** {@link TurboStreams#signedStreamName}: e.g. for {@code <turbo-stream-source src="/events?turbo_signed_stream_name=...">}. */
    public static String signedStreamName(Object streamables) {
        return turbo().signedStreamName(streamables);
    }

    private static TurboStreams turbo() {
        return CDI.current().select(TurboStreams.class).get();
    }
}
