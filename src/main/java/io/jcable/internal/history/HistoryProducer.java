package io.jcable.internal.history;

import io.jcable.config.CableConfig;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The application's one {@link StreamHistory}, sized by {@code jcable.history.*}. */
@Dependent
public class HistoryProducer {

    @Produces
    @Singleton
    StreamHistory history(CableConfig config) {
        return new StreamHistory(config.extended().historySize(), config.extended().historyTtlSeconds() * 1000);
    }
}
