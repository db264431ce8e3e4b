/**
 * The benchmark: a load generator for any server with the demo contract's BenchmarkChannel (JCable,
 * the Rails reference, AnyCable). Its WebSocket client is plain NIO, a few selector threads for
 * thousands of connections, so that the generator is not what limits the numbers.
 */
package io.jcable.bench;
