/**
 * Stream positions and bounded history for AnyCable's extended protocol, kept on this node. Depends on
 * the configuration only.
 */
package io.jcable.internal.history;
