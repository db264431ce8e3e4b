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
 * The server's graceful stop, when the application goes (or {@code CableServer.stop}): broadcasts
 * already accepted reach the sockets first, then every client is told {@code server_restart}
 * (reconnect true) and its socket closes; what is still open after {@code jcable.shutdown-grace} is
 * dropped. From its start, new connections are sent away and broadcasts refused.
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

    private final AtomicBoolean shuttingDown = new AtomicBoolean();

    public boolean isShuttingDown() {
        return shuttingDown.get();
    }

    /** Runs the stop; waits up to {@code jcable.shutdown-grace}. Safe to call more than once. */
    public void shutdown() {
        if (!shuttingDown.compareAndSet(false, true)) {
            return;
        }
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
