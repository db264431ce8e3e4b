package io.jcable.internal.server;

import io.jcable.config.CableConfig;
import io.jcable.internal.broadcast.StreamRegistry;
import io.jcable.internal.protocol.DisconnectReason;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Reception;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason.CloseCodes;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The server's graceful stop, when the application goes (or {@code CableServer.stop}): the health
 * check answers 503 at once; for {@code jcable.shutdown-delay} the server goes on serving as before, so
 * that a load balancer takes it out; then broadcasts already accepted reach the sockets, every client
 * is told {@code server_restart} (reconnect true) and its socket closes; what is still open after
 * {@code jcable.shutdown-grace} is dropped. From the end of the delay, new connections are sent away
 * and broadcasts refused.
 */
@ApplicationScoped
public class GracefulShutdown {

    private static final System.Logger LOG = System.getLogger(GracefulShutdown.class.getName());

    @Inject
    CableConfig config;

    @Inject
    StreamRegistry streams;

    @Inject
    ConnectionRegistry connections;

    private final AtomicBoolean stopping = new AtomicBoolean();
    private volatile boolean shuttingDown;

    /** Whether a stop has begun, its delay included: the health check says so. */
    public boolean isStopping() {
        return stopping.get();
    }

    /** Whether the server has stopped taking new connections and broadcasts (the delay is over). */
    public boolean isShuttingDown() {
        return shuttingDown;
    }

    /** Runs the stop; waits {@code jcable.shutdown-delay}, then up to {@code jcable.shutdown-grace}. Safe to call more than once. */
    public void shutdown() {
        if (!stopping.compareAndSet(false, true)) {
            return;
        }
        if (config.shutdownDelayMillis() > 0) {
            LOG.log(Level.INFO, "stopping in {0,number,#} ms (jcable.shutdown-delay): the health check answers 503 from now",
                    config.shutdownDelayMillis());
            try {
                Thread.sleep(config.shutdownDelayMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // stop now, then
            }
        }
        shuttingDown = true;
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(config.shutdownGraceMillis());
        try {
            // Whatever was accepted reaches the sockets before the disconnect; later broadcasts are refused.
            streams.stopAccepting();
            streams.drain(Duration.ofMillis(config.shutdownGraceMillis()));
            List<CableConnection> open = connections.all();
            if (!open.isEmpty()) {
                LOG.log(Level.INFO, "stopping: telling {0,number,#} clients to reconnect (server_restart)", open.size());
            }
            open.forEach(c -> c.disconnect(DisconnectReason.SERVER_RESTART, true, CloseCodes.GOING_AWAY));
            connections.awaitEmpty(deadline);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        connections.all().forEach(c -> c.drop("still open when the shutdown grace ran out", false));
    }

    void onShutdown(@Observes(notifyObserver = Reception.IF_EXISTS) @BeforeDestroyed(ApplicationScoped.class) Object event) {
        shutdown();
    }

    @PreDestroy
    void destroyed() {
        shutdown(); // in case the container destroys beans without the event
    }
}
