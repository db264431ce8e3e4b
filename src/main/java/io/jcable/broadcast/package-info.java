/**
 * Broadcasting, as applications use it: the injectable {@link io.jcable.broadcast.Broadcaster}, and
 * the {@link io.jcable.broadcast.Broadcast} and {@link io.jcable.broadcast.Disconnect} CDI events any
 * bean may fire itself. The delivery behind them lives in {@code io.jcable.internal.broadcast}.
 */
package io.jcable.broadcast;
