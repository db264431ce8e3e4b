package io.jcable.config;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The one reader of option values: takes them from a source, checks them (a bad value fails at start,
 * naming the option) and falls back to their defaults. It remembers every option it was asked for,
 * with its default as the README writes it, so that a test can hold the README's table to the code.
 */
final class OptionReader {

    /** The text the README's table gives for an option without a default. */
    static final String UNSET = "unset";

    private final Function<String, String> source;
    private final Map<String, String> defaults = new LinkedHashMap<>();

    OptionReader(Function<String, String> source) {
        this.source = source;
    }

    /** The options asked for so far, each with its default as the README writes it. */
    Map<String, String> defaults() {
        return Map.copyOf(defaults);
    }

    Optional<String> text(String name) {
        defaults.putIfAbsent(name, UNSET);
        return value(name);
    }

    /** A text option; an empty value counts as unset. */
    Optional<String> nonEmpty(String name) {
        return text(name).filter(value -> !value.isEmpty());
    }

    String text(String name, String fallback) {
        defaults.putIfAbsent(name, fallback.isEmpty() ? "empty" : fallback);
        return value(name).orElse(fallback);
    }

    String path(String name, String fallback) {
        String path = text(name, fallback);
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException(name + " must start with '/': " + path);
        }
        return path;
    }

    int positiveInt(String name, int fallback) {
        return positiveInt(name, fallback, String.valueOf(fallback));
    }

    /** The same, with a default that is not one number (the processors of this machine, no limit). */
    int positiveInt(String name, int fallback, String documentedDefault) {
        return (int) positive(name, fallback, documentedDefault, Integer.MAX_VALUE);
    }

    long positiveLong(String name, long fallback) {
        return positive(name, fallback, String.valueOf(fallback), Long.MAX_VALUE);
    }

    /** A number of which 0 means "off". */
    long nonNegativeLong(String name, long fallback) {
        return number(name, fallback, String.valueOf(fallback), 0, Long.MAX_VALUE);
    }

    boolean flag(String name, boolean fallback) {
        defaults.putIfAbsent(name, String.valueOf(fallback));
        return value(name).map(value -> switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(name + " must be true or false: " + value);
        }).orElse(fallback);
    }

    private long positive(String name, long fallback, String documentedDefault, long max) {
        return number(name, fallback, documentedDefault, 1, max);
    }

    private long number(String name, long fallback, String documentedDefault, long min, long max) {
        defaults.putIfAbsent(name, documentedDefault);
        Optional<String> value = value(name);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            long number = Long.parseLong(value.get());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(name + " must be " + (min == 0 ? "0 or a positive integer" : "a positive integer")
                + " (at most " + max + "): " + value.get());
    }

    private Optional<String> value(String name) {
        return Optional.ofNullable(source.apply(name)).map(String::trim);
    }
}
