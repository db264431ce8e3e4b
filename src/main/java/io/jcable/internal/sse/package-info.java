/**
 * Server-Sent Events of signed streams, for {@code @hotwired/turbo}'s own
 * {@code <turbo-stream-source>} (an {@code EventSource}, no ActionCable client): each broadcast is one
 * event whose data is the payload (a Turbo Stream's HTML as is), whose id is its position, so that a
 * browser that reconnects with {@code Last-Event-ID} gets what it missed from the stream's history.
 * Depends on {@code broadcast}, {@code history}, {@code turbo} (verification), {@code config},
 * {@code protocol} and {@code threads}.
 */
package io.jcable.internal.sse;
