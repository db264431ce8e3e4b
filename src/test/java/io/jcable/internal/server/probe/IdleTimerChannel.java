package io.jcable.internal.server.probe;

import io.jcable.channel.Channel;
import io.jcable.channel.Periodically;

/** A channel whose timer runs every second and does nothing: what timers cost on their own. */
@Channel("IdleTimerChannel")
public class IdleTimerChannel {

    @Periodically(1)
    void tick() {
        // the cost measured is JCable's: scheduling, the connection's lock, the request context, the call
    }
}
