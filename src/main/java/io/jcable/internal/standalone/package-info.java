/**
 * The standalone runtime behind {@link io.jcable.standalone.CableServer}: Tyrus on Grizzly for
 * WebSockets and Servlets on one port, Weld SE for CDI. The only package that sees Tyrus, Grizzly or
 * Weld types; depends on every other package.
 */
package io.jcable.internal.standalone;
