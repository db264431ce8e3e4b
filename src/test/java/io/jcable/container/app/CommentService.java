package io.jcable.container.app;

import io.jcable.broadcast.Broadcaster;
import io.jcable.turbo.TurboStream;
import io.jcable.turbo.TurboStreams;
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

    @Inject
    TurboStreams turbo;

    @Resource
    SessionContext context;

    /**
     * Renders the comment and appends it to the post's page with Turbo, then asks {@code refreshes}
     * times for a refresh of the page: after the commit, never after a rollback.
     */
    public void addWithTurbo(String post, String body, int refreshes, boolean rollback) {
        turbo.broadcastTo(TurboStream.append("comments", "<p>" + body + "</p>"), "comments", "post", post);
        for (int i = 0; i < refreshes; i++) {
            turbo.broadcastRefreshTo("comments", "post", post);
        }
        if (rollback) {
            context.setRollbackOnly();
        }
    }

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
