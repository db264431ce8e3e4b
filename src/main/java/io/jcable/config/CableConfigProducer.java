package io.jcable.config;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Makes the options injectable. The standalone runtime replaces it with the builder's options. */
@Dependent
class CableConfigProducer {

    // @Singleton, not @ApplicationScoped: a record is final, so it cannot have a client proxy.
    @Produces
    @Singleton
    CableConfig config() {
        return CableConfig.load();
    }
}
