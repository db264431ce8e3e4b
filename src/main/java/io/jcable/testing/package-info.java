/**
 * The test kit: {@link io.jcable.testing.CableTestKit} tests channels and connection handlers
 * without a network server (Rails' {@code ActionCable::Channel::TestCase} and
 * {@code Connection::TestCase}); {@link io.jcable.testing.CableClient} speaks the wire to a running
 * server, for integration tests. Neither needs a test framework: a check that fails throws
 * {@link java.lang.AssertionError}.
 */
package io.jcable.testing;
