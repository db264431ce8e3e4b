package io.jcable.internal.turbo;

import io.jcable.broadcast.Broadcaster;
import io.jcable.internal.threads.CableThreads;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Turbo page refreshes, debounced as turbo-rails debounces {@code broadcast_refresh_later_to}: the
 * refreshes asked for one stream within {@value #WINDOW_MILLIS} ms go out as one, at the end of that
 * window (a page that re-fetches itself once per burst of changes, not once per change). A request
 * made inside a JTA transaction counts from its commit; a rollback asks for nothing.
 */
@ApplicationScoped
public class RefreshDebouncer {

    /** A refresh asked for a stream; fired by the API, observed after the commit. */
    public record Request(String stream) {
    }

    static final long WINDOW_MILLIS = 500;
    static final String REFRESH = "<turbo-stream action=\"refresh\"></turbo-stream>";
    private static final System.Logger LOG = System.getLogger(RefreshDebouncer.class.getName());

    @Inject
    Broadcaster cable;

    @Inject
    CableThreads threads;

    private final Set<String> pending = ConcurrentHashMap.newKeySet();
    private ScheduledExecutorService timer;

    @PostConstruct
    void start() {
        timer = Executors.newSingleThreadScheduledExecutor(threads.named("jcable-turbo-refresh"));
    }

    @PreDestroy
    void stop() {
        timer.shutdownNow();
    }

    void requested(@Observes(during = TransactionPhase.AFTER_SUCCESS) Request request) {
        if (pending.add(request.stream())) {
            timer.schedule(() -> send(request.stream()), WINDOW_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    private void send(String stream) {
        pending.remove(stream); // first: a request from here on opens the next window
        try {
            cable.broadcast(stream, REFRESH);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "refresh of " + stream + " not broadcast: " + e.getMessage());
        }
    }
}
