package io.jcable.container.app;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** The application's own login: POST /session-login?user=NAME puts the user in the HTTP session. */
@WebServlet("/session-login")
public class SessionLogin extends HttpServlet {

    static final String USER = "user";

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) {
        request.getSession(true).setAttribute(USER, request.getParameter("user"));
        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
    }
}
