package io.jcable.internal.broadcast;

/**
 * A broadcast this node has accepted, after the commit, with its payload encoded: fired once per
 * {@link Broadcast} for whatever else carries it (the cluster bridge), so the payload goes through
 * JSON-B once however many places it goes to.
 *
 * @param stream      the stream's name
 * @param payloadJson the payload as JSON text
 * @param excludeSocket the socket id it must not reach, or null
 */
public record EncodedBroadcast(String stream, String payloadJson, String excludeSocket) {
}
