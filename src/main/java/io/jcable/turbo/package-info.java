/**
 * Hotwire Turbo Streams over JCable: signed stream names and the {@code <turbo-cable-stream-source>}
 * tag for templates ({@link io.jcable.turbo.TurboStreams}). The built-in {@code Turbo::StreamsChannel}
 * and {@code $pubsub} channels serve them once {@code jcable.turbo.key} is set.
 */
package io.jcable.turbo;
