package io.jcable.turbo;

import io.jcable.broadcast.Broadcaster;
import io.jcable.internal.broadcast.StreamNames;
import io.jcable.internal.turbo.RefreshDebouncer;
import io.jcable.internal.turbo.TurboSigner;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Turbo Streams for templates and beans: inject it, render the tag that subscribes a page to a
 * stream, signed with {@code jcable.turbo.key} so that the page cannot pick another stream, and
 * broadcast {@link TurboStream} actions to it.
 *
 * <pre>{@code
 * @Inject TurboStreams turbo;
 * String tag = turbo.streamSourceTag("comments", post);   // in the page: the comments of this post
 * turbo.broadcastTo(TurboStream.append("comments", html), "comments", post);   // after the comment is saved
 * }</pre>
 *
 * Streamables are named as turbo-rails names them, joined with {@code :}: a string, number, UUID or
 * enum is its text; any other object is {@code <SimpleClassName>:<id>} (its JPA {@code @Id}, or an
 * {@code id()} or {@code getId()} method), where turbo-rails would write a Rails GlobalID; a
 * collection or array counts as its elements.
 */
@ApplicationScoped
public class TurboStreams {

    @Inject
    TurboSigner signer;

    @Inject
    Broadcaster cable;

    @Inject
    Event<RefreshDebouncer.Request> refreshes;

    /**
     * Broadcasts {@code action} to the stream of {@code streamables} (turbo-rails'
     * {@code broadcast_action_to}): {@code broadcastTo(TurboStream.append("comments", html), post)}.
     * It goes through the {@code Broadcaster}: encoded once, after the commit inside a JTA
     * transaction, to every node of a cluster.
     */
    public void broadcastTo(TurboStream action, Object... streamables) {
        cable.broadcast(streamName(streamables), action.html());
    }

    /**
     * Tells the pages on the stream of {@code streamables} to fetch themselves again (turbo-rails'
     * {@code broadcast_refresh_later_to}): the refreshes of one stream within half a second go out as
     * one, at its end, counted from the commit inside a JTA transaction (a rollback sends none). For
     * a refresh at once, {@code broadcastTo(TurboStream.refresh(), streamables)}.
     */
    public void broadcastRefreshTo(Object... streamables) {
        refreshes.fire(new RefreshDebouncer.Request(streamName(streamables)));
    }

    /** The stream name of {@code streamables}: {@code streamName("comments", post)} is {@code comments:Post:42}. */
    public String streamName(Object... streamables) {
        List<Object> flat = new ArrayList<>();
        flatten(streamables, flat);
        if (flat.isEmpty()) {
            throw new IllegalArgumentException("name a stream with at least one streamable");
        }
        return flat.stream().map(StreamNames::modelKey).collect(Collectors.joining(":"));
    }

    /**
     * The signed name of {@code streamables}, as turbo-rails' {@code signed_stream_name}.
     *
     * @throws IllegalStateException when neither {@code jcable.turbo.key} nor {@code jcable.turbo.secret-key-base} is set
     */
    public String signedStreamName(Object... streamables) {
        return signer.sign(streamName(streamables));
    }

    /**
     * The element that subscribes the page to the stream of {@code streamables} through
     * {@code Turbo::StreamsChannel}, as turbo-rails' {@code turbo_stream_from} renders it:
     * {@code <turbo-cable-stream-source channel="Turbo::StreamsChannel" signed-stream-name="…"></turbo-cable-stream-source>}.
     */
    public String streamSourceTag(Object... streamables) {
        return "<turbo-cable-stream-source channel=\"Turbo::StreamsChannel\" signed-stream-name=\""
                + Html.attribute(signedStreamName(streamables)) + "\"></turbo-cable-stream-source>";
    }

    private static void flatten(Object value, List<Object> into) {
        if (value instanceof Object[] array) {
            for (Object element : array) {
                flatten(element, into);
            }
        } else if (value instanceof Collection<?> collection) {
            collection.forEach(element -> flatten(element, into));
        } else {
            into.add(value);
        }
    }
}
