package io.jcable.binding;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Optional;

/** Looks channels up by name and makes a fresh channel bean for each subscription. */
@ApplicationScoped
public class ChannelDirectory {

    @Inject
    CableExtension extension;

    @Inject
    @Any
    Instance<Object> beans;

    public Optional<ChannelDefinition> find(String name) {
        return Optional.ofNullable(extension.channels().get(name));
    }

    /** A handle whose {@code get()} creates the bean and whose {@code destroy()} runs its {@code @PreDestroy}. */
    public Instance.Handle<?> create(ChannelDefinition definition) {
        return beans.select(definition.beanClass()).getHandle();
    }

    public int size() {
        return extension.channels().size();
    }
}
