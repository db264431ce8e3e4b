package io.jcable.channel;

/**
 * What else a stream does for a subscription, given to {@link Subscription#streamFrom(String, StreamOption...)}:
 * the extensions of AnyCable's protocol, each on only where the channel says so.
 */
public enum StreamOption {

    /**
     * The subscription's whispers ({@code channel.whisper(data)} in {@code @anycable/web}) go to the
     * stream's other subscribers, never back to the sender, never into history; as Rails' and
     * AnyCable's {@code stream_from "x", whisper: true}. One whisper stream per subscription.
     */
    WHISPER,

    /**
     * The subscription's presence ({@code join}, {@code leave}, {@code presence}) is kept on this
     * stream, and its subscribers hear who joins and leaves. One presence stream per subscription.
     */
    PRESENCE
}
