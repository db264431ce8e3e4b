package io.jcable.internal.sse;

import io.jcable.internal.turbo.TurboSigner;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * {@code GET <jcable.turbo.events-path>?turbo_signed_stream_name=<signed>} (or {@code signed_stream},
 * or a plain {@code stream} with {@code jcable.public-streams}): the stream's broadcasts as Server-Sent
 * Events, what {@code <turbo-stream-source src="...">} reads. A name whose signature does not hold
 * gets 403, which an {@code EventSource} does not retry; 503 when {@code jcable.max-connections}
 * streams are open.
 */
public class EventsServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final System.Logger LOG = System.getLogger(EventsServlet.class.getName());

    private final transient TurboSigner signer;
    private final transient OpenEventStreams open;

    public EventsServlet(TurboSigner signer, OpenEventStreams open) {
        this.signer = signer;
        this.open = open;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<String> stream = stream(request);
        if (stream.isEmpty()) {
            LOG.log(Level.INFO, "event stream refused: no valid signed stream name in {0}", request.getQueryString() == null
                    ? "an empty query" : "the query's turbo_signed_stream_name / signed_stream");
            plain(response, HttpServletResponse.SC_FORBIDDEN, "a valid turbo_signed_stream_name (or signed_stream) is required");
            return;
        }
        if (!open.admit()) {
            plain(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "too many connections (jcable.max-connections)");
            return;
        }
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("text/event-stream");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-cache");
        response.setHeader("X-Accel-Buffering", "no"); // nginx: pass each event on at once
        AsyncContext async = request.startAsync();
        async.setTimeout(0); // open until either side ends it
        try {
            open.open(stream.get(), async, request.getHeader("Last-Event-ID"));
        } catch (IOException | RuntimeException e) {
            open.counters().open.decrementAndGet();
            async.complete();
            throw e;
        }
    }

    private Optional<String> stream(HttpServletRequest request) {
        String signed = Optional.ofNullable(request.getParameter("turbo_signed_stream_name"))
                .orElse(request.getParameter("signed_stream"));
        if (signed != null) {
            return signer.verify(signed);
        }
        String plain = request.getParameter("stream");
        return plain != null && !plain.isEmpty() && signer.publicStreams() ? Optional.of(plain) : Optional.empty();
    }

    private static void plain(HttpServletResponse response, int status, String text) throws IOException {
        response.setStatus(status);
        response.setContentType("text/plain");
        response.setCharacterEncoding("UTF-8");
        response.getOutputStream().write((text + "\n").getBytes(StandardCharsets.UTF_8));
    }
}
