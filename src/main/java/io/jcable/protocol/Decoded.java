package io.jcable.protocol;

/**
 * The outcome of decoding untrusted input: a value, or the reason it was refused. Decoders return
 * this instead of throwing, so a client's mistake never unwinds through the endpoint.
 */
public sealed interface Decoded<T> {

    record Ok<T>(T value) implements Decoded<T> {}

    record Invalid<T>(String reason) implements Decoded<T> {}

    static <T> Decoded<T> ok(T value) {
        return new Ok<>(value);
    }

    static <T> Decoded<T> invalid(String reason) {
        return new Invalid<>(reason);
    }
}
