package io.jcable.internal.protocol;

import java.util.function.Consumer;

/**
 * The outcome of decoding untrusted input: a value, or the reason it was refused. Decoders return
 * this instead of throwing, so a client's mistake never unwinds through the endpoint.
 */
public sealed interface Decoded<T> {

    /** The value; or null, after handing the reason it was refused to {@code refused}. */
    T valueOr(Consumer<String> refused);

    record Ok<T>(T value) implements Decoded<T> {
        @Override
        public T valueOr(Consumer<String> refused) {
            return value;
        }
    }

    record Invalid<T>(String reason) implements Decoded<T> {
        @Override
        public T valueOr(Consumer<String> refused) {
            refused.accept(reason);
            return null;
        }
    }

    static <T> Decoded<T> ok(T value) {
        return new Ok<>(value);
    }

    static <T> Decoded<T> invalid(String reason) {
        return new Invalid<>(reason);
    }
}
