/**
 * JCable's threads: one owner makes them all, with an explicit class loader, from the server's
 * managed thread factory where that is what their work needs. Depends on nothing of JCable.
 */
package io.jcable.internal.threads;
