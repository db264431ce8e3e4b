package io.jcable.container.minimal;

import io.jcable.channel.CableRequest;
import io.jcable.channel.ConnectionHandler;
import io.jcable.channel.ConnectionRejected;
import io.jcable.channel.Identity;
import jakarta.enterprise.context.ApplicationScoped;

/** README, "Use it in your WAR": who is connecting, by the container's login. */
@ApplicationScoped
public class SignedInUsers implements ConnectionHandler {

    @Override
    public Identity connect(CableRequest request) {
        return request.userPrincipal()
                .map(user -> Identity.of("current_user", user.getName()))
                .orElseThrow(() -> new ConnectionRejected("not signed in"));
    }
}
