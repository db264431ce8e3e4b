package com.example.chat;

import io.jcable.channel.CableRequest;
import io.jcable.channel.ConnectionHandler;
import io.jcable.channel.ConnectionRejected;
import io.jcable.channel.Identity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

@ApplicationScoped
public class TokenConnection implements ConnectionHandler {

    @Inject Users users;

    @Override
    public Identity connect(CableRequest request) {
        User user = request.queryParameter("token").flatMap(users::byToken)   // or request.cookie(...),
                .orElseThrow(() -> new ConnectionRejected("bad token"));      // request.header(...),
        return Identity.of("current_user", user.id()).withUser(user);         // request.userPrincipal()
    }

    @Override
    public void disconnect(Identity identity) {
        // after every subscription of the connection has ended
    }
}
