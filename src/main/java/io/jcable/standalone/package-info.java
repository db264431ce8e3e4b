/**
 * The embedded default: Tyrus on Grizzly for WebSockets and Servlets on one port, Weld SE for CDI,
 * the in-memory broadcaster; started by {@link io.jcable.standalone.CableServer} from an
 * application's {@code main}, or by {@link io.jcable.standalone.Main}. Depends on every other
 * package.
 */
package io.jcable.standalone;
