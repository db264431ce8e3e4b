package com.example.chat;

import io.jcable.broadcast.Broadcaster;
import io.jcable.channel.Action;
import io.jcable.channel.Channel;
import io.jcable.channel.Identity;
import io.jcable.channel.Param;
import io.jcable.channel.Periodically;
import io.jcable.channel.Rescue;
import io.jcable.channel.Subscribed;
import io.jcable.channel.Subscription;
import io.jcable.channel.Unsubscribed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.TimeUnit;

@Channel("ChatChannel")                         // identifier {"channel":"ChatChannel","room":"lobby"}
public class ChatChannel {

    public record Line(@NotBlank @Size(max = 500) String text) {}   // perform("speak", {text: "hi"}), checked
    public record Said(String text, String user) {}

    @Inject Broadcaster cable;

    @Subscribed
    void subscribed(Subscription subscription, @Param("room") String room) {
        if (room == null || room.isBlank()) {
            subscription.reject();              // the client gets reject_subscription
            return;
        }
        subscription.streamFrom("chat_" + room);
        subscription.streamFrom("notices", notice -> {          // through a callback: this room's notices
            if (room.equals(notice.asJsonObject().getString("room", room))) {   // and those for every room
                subscription.transmit(notice);
            }
        });
    }

    @Action
    void speak(Identity user, @Param("room") String room, @Valid Line line) {   // blank or long: an error frame
        cable.broadcast("chat_" + room, new Said(line.text(), user.get("current_user")));
    }

    @Action
    void typing(Identity user, @Param("room") String room) {   // to everyone in the room but the typist
        cable.broadcastToOthers("chat_" + room, Map.of("typing", user.get("current_user")));
    }

    @Periodically(value = 1, unit = TimeUnit.MINUTES)         // while subscribed, never overlapping itself
    void clock(Subscription subscription) {
        subscription.transmit(Map.of("time", LocalTime.now().truncatedTo(ChronoUnit.MINUTES).toString()));
    }

    @Rescue                                     // what an action (or a callback above) throws
    void failed(RuntimeException e, Subscription subscription) {
        subscription.transmit(Map.of("error", "something went wrong"));
    }

    @Unsubscribed
    void left(Identity user, @Param("room") String room) {
        cable.broadcast("chat_" + room, Map.of("left", user.get("current_user")));
    }
}
