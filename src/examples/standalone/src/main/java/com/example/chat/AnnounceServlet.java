package com.example.chat;

import io.jcable.broadcast.Broadcaster;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

public class AnnounceServlet extends HttpServlet {    // POST /announce: its body, to everyone in the lobby

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String text = new String(request.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        Broadcaster cable = CDI.current().select(Broadcaster.class).get();   // Servlets here are not CDI beans
        cable.broadcast("chat_lobby", new ChatChannel.Said(text, "announcer"));
        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
    }
}
