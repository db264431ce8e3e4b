package io.jcable.internal.presence;

import jakarta.json.JsonValue;

/**
 * This node began or stopped holding a presence id on a stream: the cluster is told (a CDI event).
 *
 * @param info the id's info on a join; null on a leave
 */
public record PresenceAnnounced(String stream, String id, JsonValue info) {
}
