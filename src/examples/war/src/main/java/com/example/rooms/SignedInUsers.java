package com.example.rooms;

import io.jcable.channel.CableRequest;
import io.jcable.channel.ConnectionHandler;
import io.jcable.channel.ConnectionRejected;
import io.jcable.channel.Identity;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class SignedInUsers implements ConnectionHandler {
    @Override
    public Identity connect(CableRequest request) {          // the container's login, or the
        return request.userPrincipal()                       // session: request.sessionAttribute(...)
                .map(user -> Identity.of("current_user", user.getName()))
                .orElseThrow(() -> new ConnectionRejected("not signed in"));
    }
}
