package io.jcable.container.app;

import io.jcable.broadcast.Broadcaster;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.Map;

/** A stateless EJB that broadcasts inside its container-managed transaction. */
@Stateless
public class CommentService {

    @Inject
    Broadcaster cable;

    @Resource
    SessionContext context;

    /**
     * Broadcasts a comment, keeps the transaction open for {@code holdMillis}, then commits, or rolls
     * back when {@code rollback}: subscribers must hear of it after the commit, and never after a rollback.
     */
    public void add(String post, String body, long holdMillis, boolean rollback) throws InterruptedException {
        cable.broadcast("comments:post:" + post, Map.of("body", body, "via", "ejb"));
        Thread.sleep(holdMillis);
        if (rollback) {
            context.setRollbackOnly();
        }
    }
}
