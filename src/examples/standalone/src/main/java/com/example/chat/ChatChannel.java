package com.example.chat;

import io.jcable.broadcast.Broadcaster;
import io.jcable.channel.Action;
import io.jcable.channel.Channel;
import io.jcable.channel.Identity;
import io.jcable.channel.Param;
import io.jcable.channel.Subscribed;
import io.jcable.channel.Subscription;
import io.jcable.channel.Unsubscribed;
import jakarta.inject.Inject;
import java.util.Map;

@Channel("ChatChannel")                         // identifier {"channel":"ChatChannel","room":"lobby"}
public class ChatChannel {

    public record Line(String text) {}          // the data of perform("speak", {text: "hi"})
    public record Said(String text, String user) {}

    @Inject Broadcaster cable;
    private String room;

    @Subscribed
    void subscribed(Subscription subscription, @Param("room") String room) {
        if (room == null || room.isBlank()) {
            subscription.reject();              // the client gets reject_subscription
            return;
        }
        this.room = room;
        subscription.streamFrom("chat_" + room);
    }

    @Action
    void speak(Identity user, Line line) {
        cable.broadcast("chat_" + room, new Said(line.text(), user.get("current_user")));
    }

    @Unsubscribed
    void left(Identity user) {
        cable.broadcast("chat_" + room, Map.of("left", user.get("current_user")));
    }
}
