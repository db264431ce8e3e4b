package io.jcable.container.app;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** A page behind the container's FORM login (web.xml): reaching it logs the user in. */
@WebServlet("/secure/whoami")
public class WhoAmI extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain");
        response.getWriter().write(String.valueOf(request.getUserPrincipal()));
    }
}
