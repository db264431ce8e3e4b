package io.jcable.container.minimal;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** README, "Use it in your WAR": JAX-RS at /api. */
@ApplicationPath("api")
public class Api extends Application {
}
