package com.example.rooms;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

@ApplicationPath("api")                                      // POST /your-app/api/rooms/lobby
public class Api extends Application {
}
