package io.jcable.internal.server.probe;

import io.jcable.broadcast.Broadcaster;
import io.jcable.channel.Action;
import io.jcable.channel.Channel;
import io.jcable.channel.Param;
import io.jcable.channel.Subscribed;
import io.jcable.channel.Subscription;
import io.jcable.channel.Unsubscribed;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;

/**
 * A channel for the tests: {@code {"channel":"ProbeChannel","mode":...}}. It transmits before it is
 * confirmed, streams from {@code probe}, and fails on request: mode {@code throw} in the subscribed
 * callback, {@code reject} after streaming, {@code throw-on-leave} in the unsubscribed callback.
 */
@Channel("ProbeChannel")
public class ProbeChannel {

    /** A typed payload. */
    public record Point(int x, int y) {
    }

    /** A model to stream for: its stream is ProbeChannel:Post:<id>. */
    public record Post(long id) {
    }

    /** The data of follow/unfollow. */
    public record PostRef(long post) {
    }

    @Inject
    ProbeLog log;

    @Inject
    Broadcaster cable;

    private String mode;

    @PostConstruct
    void created() {
        log.recordCreated();
    }

    @PreDestroy
    void destroyed() {
        log.recordDestroyed();
    }

    @Subscribed
    void subscribed(Subscription subscription, @Param("mode") String mode) {
        this.mode = mode;
        if ("throw".equals(mode)) {
            throw new IllegalStateException("subscribed failed on purpose");
        }
        subscription.transmit("before confirm");
        subscription.streamFrom("probe");
        if ("reject".equals(mode)) {
            subscription.reject();
        }
    }

    /** Broadcasts the data to {@code probe}, except to this connection ("broadcast to others"). */
    @Action
    void shout(JsonObject data) {
        cable.broadcastToOthers("probe", data);
    }

    @Action
    void boom() {
        throw new IllegalArgumentException("action failed on purpose");
    }

    @Action
    void point(Subscription subscription, Point point) {
        subscription.transmit(new Point(point.x() * 2, point.y() * 2));
    }

    @Action
    void follow(Subscription subscription, PostRef ref) {
        subscription.streamFor(new Post(ref.post()));
        subscription.transmit("following " + ref.post());
    }

    @Action
    void unfollow(Subscription subscription, PostRef ref) {
        subscription.stopStreamFor(new Post(ref.post()));
        subscription.transmit("unfollowed " + ref.post());
    }

    @Action
    void quiet(Subscription subscription) {
        subscription.stopAllStreams();
        subscription.transmit("quiet");
    }

    @Unsubscribed
    void unsubscribed() {
        log.recordUnsubscribed();
        if ("throw-on-leave".equals(mode)) {
            throw new IllegalStateException("unsubscribed failed on purpose");
        }
    }
}
