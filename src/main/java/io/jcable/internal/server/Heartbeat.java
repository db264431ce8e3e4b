package io.jcable.internal.server;

import io.jcable.config.CableConfig;
import io.jcable.internal.protocol.DisconnectReason;
import io.jcable.internal.protocol.Frames;
import io.jcable.internal.threads.CableThreads;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import java.lang.System.Logger.Level;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One timer for all connections: every {@code jcable.ping-interval} (3 s, as ActionCable) each gets a
 * {@code ping}; one whose socket has accepted nothing for {@code jcable.send-timeout} is dropped (a
 * stalled reader, or a peer gone without a close), and an extended-protocol client silent for
 * {@code jcable.pong-timeout} is told {@code no_pong}.
 */
@ApplicationScoped
public class Heartbeat {

    private static final System.Logger LOG = System.getLogger(Heartbeat.class.getName());

    @Inject
    CableConfig config;

    @Inject
    ConnectionRegistry connections;

    @Inject
    ExtendedProtocol extended;

    @Inject
    CableThreads threads;

    private ScheduledExecutorService timer;

    @PostConstruct
    void start() {
        timer = Executors.newSingleThreadScheduledExecutor(threads.named("jcable-ping"));
        timer.scheduleAtFixedRate(this::tick, config.pingIntervalSeconds(), config.pingIntervalSeconds(), TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        timer.shutdownNow();
    }

    /** Made with the application, so the timer runs from the start. */
    void started(@Observes @Initialized(ApplicationScoped.class) Object event) {
        // nothing more: observing is what creates this bean
    }

    private void tick() {
        try {
            String ping = Frames.ping(Instant.now().getEpochSecond());
            long now = System.nanoTime();
            long timeout = TimeUnit.MILLISECONDS.toNanos(config.sendTimeoutMillis());
            long pongTimeout = TimeUnit.SECONDS.toNanos(config.extended().pongTimeoutSeconds());
            for (CableConnection connection : connections.all()) {
                if (connection.stalledNanos(now) > timeout) {
                    connection.drop("its socket accepted nothing for " + config.sendTimeoutMillis()
                            + " ms (jcable.send-timeout)", true);
                } else if (pongTimeout > 0 && connection.extended() && connection.sincePongNanos(now) > pongTimeout) {
                    LOG.log(Level.INFO, "{0}: no pong for {1,number,#} s (jcable.pong-timeout)", connection,
                            config.extended().pongTimeoutSeconds());
                    connection.disconnect(DisconnectReason.NO_PONG, true, CloseReason.CloseCodes.GOING_AWAY);
                } else {
                    connection.send(ping);
                    if (connection.extended()) {
                        extended.refresh(connection, now);
                    }
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "ping round failed", e); // the timer must survive anything
        }
    }

    /** Runs {@code task} once, {@code millis} from now, on the heartbeat's thread (it must be short). */
    void later(Runnable task, long millis) {
        timer.schedule(task, millis, TimeUnit.MILLISECONDS);
    }
}
