/**
 * The cluster: a bridge over a JMS topic that makes several JCable nodes one server. Every local
 * broadcast and remote disconnect is published once; every node delivers what the others publish to
 * its own connections and drops its own echoes. Off unless {@code jcable.cluster.url} or
 * {@code jcable.cluster.connection-factory} is set; JMS classes are only touched when it is on.
 */
package io.jcable.internal.cluster;
