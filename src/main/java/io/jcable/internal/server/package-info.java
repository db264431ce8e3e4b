/**
 * The WebSocket side: the origin check before the upgrade, the endpoint and its configurator
 * (subprotocol, request snapshot), per-connection state and outbound queue, the dispatch of
 * commands to subscriptions, the ping timer and graceful shutdown. Depends on {@code protocol},
 * {@code channel}, {@code binding}, {@code broadcast} and {@code config}.
 */
package io.jcable.internal.server;
