package io.jcable.container.app;

import io.jcable.channel.CableRequest;
import io.jcable.channel.ConnectionHandler;
import io.jcable.channel.ConnectionRejected;
import io.jcable.channel.Identity;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Identifies users as a Jakarta shop does: by the Principal the container authenticated (FORM login
 * against a file realm), or by what the application's own login stored in the HTTP session.
 */
@ApplicationScoped
public class ContainerIdentities implements ConnectionHandler {

    @Override
    public Identity connect(CableRequest request) {
        if (request.userPrincipal().isPresent()) {
            return Identity.of("current_user_id", request.userPrincipal().get().getName()).and("by", "principal");
        }
        return request.sessionAttribute(SessionLogin.USER)
                .map(user -> Identity.of("current_user_id", user.toString()).and("by", "session"))
                .orElseThrow(() -> new ConnectionRejected("no authenticated user, no session login"));
    }
}
