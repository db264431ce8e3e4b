/**
 * Turbo Streams' signed stream names and the built-in channels that take them
 * ({@code Turbo::StreamsChannel}, {@code $pubsub}). Depends on the channel API, the configuration,
 * the protocol's JSON text and the broadcast engine's stream naming.
 */
package io.jcable.internal.turbo;
