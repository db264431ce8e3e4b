package io.jcable.internal.protocol;

import jakarta.json.Json;
import java.math.BigInteger;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Generated frames for the decoder and for live connections: valid commands with any content,
 * JSON of every shape (deep, huge numbers, lone surrogates, control characters), random text, and
 * valid commands mutated (characters flipped, cut, doubled, spliced).
 */
public final class HostileFrames {

    private static final List<String> COMMANDS = List.of("subscribe", "unsubscribe", "message");

    private HostileFrames() {
    }

    /** Everything below, mixed. */
    public static Arbitrary<String> any() {
        return Arbitraries.frequencyOf(
                Tuple.of(2, validCommands().map(ValidCommand::frame)),
                Tuple.of(3, json()),
                Tuple.of(2, text()),
                Tuple.of(4, mutated()),
                Tuple.of(1, deeplyNested()));
    }

    /** A command as a client may send it, with any identifier and data, and the frame that carries it. */
    public record ValidCommand(String command, String identifier, String data, String frame) {
    }

    public static Arbitrary<ValidCommand> validCommands() {
        return Combinators.combine(Arbitraries.of(COMMANDS), anyString(200), anyString(200)).as((command, identifier, data) -> {
            var object = Json.createObjectBuilder().add("command", command).add("identifier", identifier);
            if (command.equals("message")) {
                object.add("data", data);
            }
            return new ValidCommand(command, identifier, command.equals("message") ? data : null, object.build().toString());
        });
    }

    /** Any UTF-16 text, lone surrogates and control characters included. */
    public static Arbitrary<String> anyString(int maxLength) {
        return Arbitraries.strings().all().ofMaxLength(maxLength);
    }

    static Arbitrary<String> text() {
        return Arbitraries.oneOf(anyString(300), Arbitraries.strings().withChars("{}[]\":,\\ntrufalse0123456789.eE+-").ofMaxLength(300));
    }

    /** Any JSON value, as text; nested up to 4 levels here (deeper in {@link #deeplyNested()}). */
    static Arbitrary<String> json() {
        return value(4);
    }

    private static Arbitrary<String> value(int depth) {
        Arbitrary<String> scalar = Arbitraries.oneOf(
                Arbitraries.of("null", "true", "false", "-0", "1e999999", "-1E-999999", "0.0000000000000000001"),
                Arbitraries.bigIntegers().between(BigInteger.TEN.pow(400).negate(), BigInteger.TEN.pow(400)).map(BigInteger::toString),
                Arbitraries.doubles().map(String::valueOf),
                anyString(50).map(HostileFrames::quote),
                Arbitraries.of("\"\\ud800\"", "\"\\udfff\\ud800\"", "\"\\u0000\"", "\"\\x\"", "\"unterminated"));
        if (depth == 0) {
            return scalar;
        }
        Arbitrary<String> array = value(depth - 1).list().ofMaxSize(4).map(items -> "[" + String.join(",", items) + "]");
        Arbitrary<String> member = Combinators.combine(
                Arbitraries.oneOf(Arbitraries.of("command", "identifier", "data", "action", "channel"), anyString(10)),
                value(depth - 1)).as((name, item) -> quote(name) + ":" + item);
        Arbitrary<String> object = member.list().ofMaxSize(5).map(members -> "{" + String.join(",", members) + "}");
        return Arbitraries.oneOf(scalar, array, object);
    }

    /** Arrays or objects nested thousands deep, closed or not. */
    static Arbitrary<String> deeplyNested() {
        return Combinators.combine(Arbitraries.integers().between(100, 20_000), Arbitraries.of("[", "{\"a\":"),
                Arbitraries.of(true, false)).as((depth, open, closed) -> {
            String close = open.equals("[") ? "]" : "}";
            return open.repeat(depth) + "1" + (closed ? close.repeat(depth) : "");
        });
    }

    /** A valid command with one to five edits. */
    static Arbitrary<String> mutated() {
        return Combinators.combine(validCommands().map(ValidCommand::frame), Arbitraries.integers().between(1, 5),
                Arbitraries.longs()).as((frame, edits, seed) -> {
            Random random = new Random(seed);
            StringBuilder text = new StringBuilder(frame);
            for (int i = 0; i < edits; i++) {
                edit(text, random);
            }
            return text.toString();
        });
    }

    private static void edit(StringBuilder text, Random random) {
        if (text.isEmpty()) {
            text.append('{');
            return;
        }
        int at = random.nextInt(text.length());
        switch (random.nextInt(6)) {
            case 0 -> text.setCharAt(at, (char) random.nextInt(0x10000)); // any UTF-16 unit, surrogates too
            case 1 -> text.deleteCharAt(at);
            case 2 -> text.insert(at, "{}[]\":,\\".charAt(random.nextInt(8)));
            case 3 -> text.setLength(at); // cut
            case 4 -> text.insert(at, text.substring(at, Math.min(text.length(), at + 1 + random.nextInt(20)))); // doubled
            default -> text.insert(at, "\"identifier\":\"x\",\"command\":\"subscribe\","); // spliced keys
        }
    }

    private static String quote(String text) {
        return Json.createValue(text).toString();
    }
}
