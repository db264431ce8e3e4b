package io.jcable.internal.presence;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The application's one {@link PresenceRegistry}. */
@Dependent
public class PresenceProducer {

    @Produces
    @Singleton
    PresenceRegistry presence() {
        return new PresenceRegistry();
    }
}
