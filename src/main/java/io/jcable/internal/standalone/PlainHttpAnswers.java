package io.jcable.internal.standalone;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.glassfish.grizzly.servlet.WebappContext;

/**
 * What the standalone runtime answers to plain HTTP requests that no Servlet of the application
 * serves: 404 for a path nothing is mapped at, 400 with the reason for a plain request of the cable
 * path (a WebSocket upgrade never reaches a Servlet: Tyrus takes it first). Without them Grizzly
 * hands an unmapped request to one of the Servlets it has, whichever that is.
 *
 * <p>Not 426: Grizzly takes a response with an {@code Upgrade} header (which 426 requires) for a
 * switch of protocol and never ends its body, so the client would wait for the connection to close.
 */
final class PlainHttpAnswers {

    private PlainHttpAnswers() {
    }

    /** Maps both, except where the application maps a Servlet of its own. */
    static void register(WebappContext web, Map<String, ?> applicationServlets, String cablePath) {
        if (!applicationServlets.containsKey("/")) {
            web.addServlet("jcable-not-found", new Answer(HttpServletResponse.SC_NOT_FOUND, "Not found"))
                    .addMapping("/");
        }
        if (!applicationServlets.containsKey(cablePath)) {
            web.addServlet("jcable-not-upgraded", new Answer(HttpServletResponse.SC_BAD_REQUEST,
                    "JCable's ActionCable endpoint: connect with a WebSocket client (Upgrade: websocket)"))
                    .addMapping(cablePath);
        }
    }

    /** One status and one line of text, whatever the method. */
    private static final class Answer extends HttpServlet {
        private static final long serialVersionUID = 1L;

        private final int status;
        private final String line;

        Answer(int status, String line) {
            this.status = status;
            this.line = line;
        }

        @Override
        protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
            response.setStatus(status);
            response.setContentType("text/plain;charset=UTF-8");
            response.getWriter().write(line + "\n");
        }
    }
}
