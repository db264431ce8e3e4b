/**
 * The delivery behind {@link io.jcable.broadcast.Broadcaster}: after-commit relay (encoded once,
 * then an {@link io.jcable.internal.broadcast.EncodedBroadcast} for the cluster), the stream registry
 * and its delivery lanes that fan each broadcast out, stream names for models. Depends on
 * {@code protocol}, {@code channel}, {@code binding} and {@code config}.
 */
package io.jcable.internal.broadcast;
