package io.jcable.internal.broadcast;

/**
 * A client whispered on a stream of this node: the other nodes' subscribers of that stream hear it too
 * (a CDI event).
 *
 * @param dataJson the whisper's data as JSON text
 */
public record Whispered(String stream, String dataJson) {
}
