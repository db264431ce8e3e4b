/**
 * Presence for AnyCable's protocol extensions: who is on each stream, by presence id, on this node.
 * JSON-P only; depends on no other JCable package.
 */
package io.jcable.internal.presence;
