package io.jcable.container.app;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** JAX-RS at /api. */
@ApplicationPath("api")
public class RestApplication extends Application {
}
