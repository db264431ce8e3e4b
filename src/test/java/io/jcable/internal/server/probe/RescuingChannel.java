package io.jcable.internal.server.probe;

import io.jcable.channel.Action;
import io.jcable.channel.Channel;
import io.jcable.channel.Param;
import io.jcable.channel.Rescue;
import io.jcable.channel.Subscribed;
import io.jcable.channel.Subscription;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * A channel with error handlers, for the tests: {@code {"channel":"RescuingChannel","mode":...}}.
 * Its own handlers take what it throws by the closest type; what none of them takes goes to the
 * application's ({@link ProbeExceptionHandlers}).
 */
@Channel("RescuingChannel")
public class RescuingChannel {

    /** What a handler tells the subscriber. */
    public record Rescued(String by, String rescued) {
    }

    @Subscribed
    void subscribed(Subscription subscription, @Param("mode") String mode) {
        subscription.streamFrom("rescuing");
        switch (mode == null ? "" : mode) {
            case "missing" -> throw new NoSuchElementException("no such room");
            case "argument" -> throw new IllegalArgumentException("a bad argument, but welcome");
            default -> { }
        }
    }

    @Action
    void argument() {
        throw new IllegalArgumentException("not that");
    }

    @Action
    void number() {
        throw new NumberFormatException("not a number");
    }

    @Action
    void unsupported() {
        throw new UnsupportedOperationException("not here");
    }

    @Action
    void forbidden() {
        throw new SecurityException("not you");
    }

    @Action
    void handlerFails() {
        throw new UncheckedIOException(new IOException("disk gone"));
    }

    @Rescue
    void missing(NoSuchElementException e, Subscription subscription) {
        subscription.transmit(Map.of("error", e.getMessage()));
        subscription.reject();
    }

    @Rescue
    void badArgument(Subscription subscription, IllegalArgumentException e) {
        subscription.transmit(new Rescued("IllegalArgumentException", e.getMessage()));
    }

    @Rescue
    void badNumber(NumberFormatException e, Subscription subscription) {
        subscription.transmit(new Rescued("NumberFormatException", e.getMessage()));
    }

    @Rescue
    void failing(UncheckedIOException e) {
        throw new IllegalStateException("the handler itself failed");
    }
}
