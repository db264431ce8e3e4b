package io.jcable.container.app;

import io.jcable.broadcast.Broadcaster;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/** A JAX-RS resource that broadcasts through the EJB, or itself inside a @Transactional method. */
@Path("comments")
@RequestScoped
public class CommentsResource {

    @Inject
    Broadcaster cable;

    @Inject
    CommentService service;

    @POST
    @Path("ejb/{post}")
    public Response viaEjb(@PathParam("post") String post, @QueryParam("hold") @DefaultValue("0") long hold,
                           @QueryParam("rollback") boolean rollback) throws InterruptedException {
        service.add(post, "from the EJB", hold, rollback);
        return Response.noContent().build();
    }

    @POST
    @Path("turbo/{post}")
    public Response viaTurbo(@PathParam("post") String post, @QueryParam("refreshes") @DefaultValue("0") int refreshes,
                             @QueryParam("rollback") boolean rollback) {
        service.addWithTurbo(post, "from the EJB", refreshes, rollback);
        return Response.noContent().build();
    }

    /** Rolls back by throwing (an unchecked exception rolls a @Transactional method back). */
    @POST
    @Path("rest/{post}")
    @Transactional
    public Response viaResource(@PathParam("post") String post, @QueryParam("hold") @DefaultValue("0") long hold,
                                @QueryParam("rollback") boolean rollback) throws InterruptedException {
        cable.broadcast("comments:post:" + post, Map.of("body", "from the resource", "via", "rest"));
        Thread.sleep(hold);
        if (rollback) {
            throw new WebApplicationException("rolled back on purpose", Response.Status.CONFLICT);
        }
        return Response.noContent().build();
    }
}
