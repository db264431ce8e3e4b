package io.jcable.internal.server.probe;

import io.jcable.channel.Channel;
import io.jcable.channel.Subscribed;
import io.jcable.channel.Subscription;
import jakarta.json.JsonValue;
import java.util.Map;

/**
 * A stream callback for the tests: {@code {"channel":"FilteringChannel"}} streams {@code ticks}
 * through a callback that transmits {@code {"double":2n}} for an even {@code n}, nothing for an odd
 * one, and fails on 13.
 */
@Channel("FilteringChannel")
public class FilteringChannel {

    @Subscribed
    void subscribed(Subscription subscription) {
        subscription.streamFrom("ticks", (JsonValue message) -> {
            int n = message.asJsonObject().getInt("n");
            if (n == 13) {
                throw new IllegalStateException("unlucky tick");
            }
            if (n % 2 == 0) {
                subscription.transmit(Map.of("double", n * 2));
            }
        });
    }
}
