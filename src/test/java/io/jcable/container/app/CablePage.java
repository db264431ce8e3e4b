package io.jcable.container.app;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;

/** A page of the application that opens the cable (origins/cable-page.html): its own origin's page, for Chromium. */
@WebServlet("/cable-page")
public class CablePage extends HttpServlet {

    public static final String RESOURCE = "origins/cable-page.html";

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/html;charset=UTF-8");
        try (InputStream page = CablePage.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            page.transferTo(response.getOutputStream());
        }
    }
}
