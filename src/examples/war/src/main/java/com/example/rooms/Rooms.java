package com.example.rooms;

import io.jcable.broadcast.Broadcaster;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.Map;

@Path("rooms/{room}") @RequestScoped
public class Rooms {
    @Inject Broadcaster cable;

    @POST
    public void say(@PathParam("room") String room, String text) {
        cable.broadcast("room:" + room, Map.of("text", text));
    }
}
