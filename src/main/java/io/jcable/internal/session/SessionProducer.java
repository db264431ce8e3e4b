package io.jcable.internal.session;

import io.jcable.config.CableConfig;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The application's one {@link SessionStore}, kept for {@code jcable.session-ttl}. */
@Dependent
public class SessionProducer {

    @Produces
    @Singleton
    SessionStore sessions(CableConfig config) {
        return new SessionStore(config.extended().sessionTtlSeconds() * 1000);
    }
}
