package io.jcable.demo;

import io.jcable.broadcast.Broadcaster;
import io.jcable.channel.Action;
import io.jcable.channel.Channel;
import io.jcable.channel.Identity;
import io.jcable.channel.Param;
import io.jcable.channel.StreamOption;
import io.jcable.channel.Subscribed;
import io.jcable.channel.Subscription;
import io.jcable.channel.Unsubscribed;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Identifier {@code {"channel":"ChatChannel","room":"<room>"}}; stream {@code chat_<room>}. */
@Channel("ChatChannel")
public class ChatChannel {

    /** What {@code receive} broadcasts. */
    @JsonbPropertyOrder({"message", "currentUserId"})
    public record Said(String message, @JsonbProperty("current_user_id") String currentUserId) {
    }

    /** What {@code away} and leaving broadcast. */
    @JsonbPropertyOrder({"user", "performed"})
    public record Performed(String user, String performed) {
    }

    /** What {@code status} broadcasts; {@code status} is whatever JSON the client sent (null when none). */
    @JsonbPropertyOrder({"user", "performed", "status"})
    public record StatusChanged(String user, String performed, JsonValue status) {
    }

    /**
     * What {@code receive} takes: a line of at most 1000 characters that is not blank. Another gets
     * its sender an error frame (docs/DEMO.md, "Validation") and is not broadcast.
     *
     * @param message any JSON, as the reference takes it: a number or a list is a line too
     */
    public record ChatLine(JsonValue message) {
        /** The line as Ruby's {@code to_s} reads it, which the reference broadcasts: this is what is checked. */
        @NotBlank
        @Size(max = 1000)
        public String getMessage() {
            return RubyText.text(message);
        }
    }

    /** The data of the {@code status} action. */
    public record StatusUpdate(JsonValue status) {
    }

    @Inject
    Broadcaster cable;

    @Subscribed
    void subscribed(Subscription subscription, @Param("room") JsonValue room) {
        if (RubyText.isBlank(room)) {
            subscription.reject();
            return;
        }
        // Whispers and presence (docs/DEMO.md): the room's clients whisper to each other and see who is in it.
        subscription.streamFrom(stream(room), StreamOption.WHISPER, StreamOption.PRESENCE);
    }

    /** A message whose data names no action. */
    @Action
    void receive(Identity user, @Param("room") JsonValue room, @Valid ChatLine line) {
        cable.broadcast(stream(room), new Said(line.getMessage(), userId(user)));
    }

    @Action
    void away(Identity user, @Param("room") JsonValue room) {
        cable.broadcast(stream(room), new Performed(userId(user), "away"));
    }

    @Action
    void status(Identity user, @Param("room") JsonValue room, StatusUpdate update) {
        JsonValue status = update.status() == null ? JsonValue.NULL : update.status();
        cable.broadcast(stream(room), new StatusChanged(userId(user), "status", status));
    }

    @Unsubscribed
    void unsubscribed(Identity user, @Param("room") JsonValue room) {
        cable.broadcast(stream(room), new Performed(userId(user), "left"));
    }

    /**
     * The room's stream, from the identifier each time rather than a field set in {@code @Subscribed}:
     * a session restored by the extended protocol gets a fresh bean without {@code @Subscribed} running again.
     */
    private static String stream(JsonValue room) {
        return "chat_" + RubyText.text(room);
    }

    /**
     * The user's id: {@code current_user_id} when a {@code ?token=} identified them (the reference's
     * name, also what the container-login WARs of the tests give), {@code id} when JCable's built-in
     * AnyCable JWT did ({@code ?jid=}, ext {@code {"id":...}}). Here, not in the connection handler:
     * some WARs of the tests bring a handler of their own.
     */
    static String userId(Identity user) {
        String tokenUser = user.get("current_user_id");
        return tokenUser != null ? tokenUser : user.get("id");
    }
}
