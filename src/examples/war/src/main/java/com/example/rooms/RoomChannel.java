package com.example.rooms;

import io.jcable.channel.Channel;
import io.jcable.channel.Param;
import io.jcable.channel.Subscribed;
import io.jcable.channel.Subscription;

@Channel("RoomChannel")
public class RoomChannel {
    @Subscribed
    void join(Subscription subscription, @Param("room") String room) {
        subscription.streamFrom("room:" + room);
    }
}
