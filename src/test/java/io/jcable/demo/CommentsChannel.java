package io.jcable.demo;

import io.jcable.channel.Channel;
import io.jcable.channel.Param;
import io.jcable.channel.Subscribed;
import io.jcable.channel.Subscription;
import jakarta.json.JsonValue;

/**
 * Identifier {@code {"channel":"CommentsChannel","post_id":"<id>"}}; stream
 * {@code comments:post:<id>}. No actions: it relays what the server broadcasts.
 */
@Channel("CommentsChannel")
public class CommentsChannel {

    @Subscribed
    void subscribed(Subscription subscription, @Param("post_id") JsonValue postId) {
        if (RubyText.isBlank(postId)) {
            subscription.reject();
            return;
        }
        subscription.streamFrom("comments:post:" + RubyText.text(postId));
    }
}
