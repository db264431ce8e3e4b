/**
 * Broadcasting: the injectable {@link io.jcable.broadcast.Broadcaster}, the {@link io.jcable.broadcast.Broadcast}
 * CDI event any bean may fire, delivery after commit, and the stream registry that fans each
 * broadcast out, encoded once per stream and identifier. Depends on {@code protocol},
 * {@code channel}, {@code binding} and {@code config}.
 */
package io.jcable.broadcast;
