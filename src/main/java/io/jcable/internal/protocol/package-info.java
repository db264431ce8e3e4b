/**
 * The wire format of {@code actioncable-v1-json}: commands a client sends, frames the server sends,
 * identifiers and subprotocols. Pure Java and JSON-P; no container types, nothing that throws into
 * the endpoint (decoding returns a result or a reason).
 */
package io.jcable.internal.protocol;
