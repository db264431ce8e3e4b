package io.jcable.internal.standalone;

import io.jcable.config.CableConfig;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.inject.Singleton;

/** Puts the builder's options in the container, ahead of the default producer (an alternative with priority). */
final class ExplicitConfig implements Extension {

    private final CableConfig config;

    ExplicitConfig(CableConfig config) {
        this.config = config;
    }

    void register(@Observes AfterBeanDiscovery event) {
        event.addBean().types(CableConfig.class, Object.class).scope(Singleton.class)
                .alternative(true).priority(1000).createWith(context -> config);
    }
}
