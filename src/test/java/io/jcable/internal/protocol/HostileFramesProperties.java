package io.jcable.internal.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Tens of thousands of generated frames through the decoders: none throws, every answer is a
 * value or a reason fit for one log line, and every valid command comes out exactly as it went in.
 */
class HostileFramesProperties {

    @Provide
    Arbitrary<String> frames() {
        return HostileFrames.any();
    }

    @Provide
    Arbitrary<HostileFrames.ValidCommand> commands() {
        return HostileFrames.validCommands();
    }

    @Property(tries = 20_000)
    void noFrameMakesTheDecoderThrow(@ForAll("frames") String frame) {
        Decoded<Command> decoded = CommandDecoder.decode(frame);
        if (decoded instanceof Decoded.Invalid<Command> invalid) {
            assertLoggable(invalid.reason());
        } else if (decoded instanceof Decoded.Ok<Command> ok && ok.value() instanceof Command.Subscribe subscribe) {
            // What a subscribe carries goes on to the identifier's parser, which must not throw either.
            if (Identifier.parse(subscribe.identifier()) instanceof Decoded.Invalid<Identifier> invalid) {
                assertLoggable(invalid.reason());
            }
        } else if (decoded instanceof Decoded.Ok<Command> ok && ok.value() instanceof Command.Message message) {
            if (MessageData.parse(message.data()) instanceof Decoded.Invalid<MessageData> invalid) {
                assertLoggable(invalid.reason());
            }
        }
    }

    @Property(tries = 10_000)
    void identifiersAndDataOfAnyTextAreParsedWithoutThrowing(@ForAll("frames") String text) {
        if (Identifier.parse(text) instanceof Decoded.Invalid<Identifier> invalid) {
            assertLoggable(invalid.reason());
        }
        if (MessageData.parse(text) instanceof Decoded.Invalid<MessageData> invalid) {
            assertLoggable(invalid.reason());
        }
    }

    @Property(tries = 10_000)
    void everyValidCommandIsDecodedExactly(@ForAll("commands") HostileFrames.ValidCommand sent) {
        Decoded<Command> decoded = CommandDecoder.decode(sent.frame());
        assertTrue(decoded instanceof Decoded.Ok<Command>, () -> sent + " -> " + decoded);
        Command command = ((Decoded.Ok<Command>) decoded).value();
        assertEquals(sent.identifier(), command.identifier());
        switch (sent.command()) {
            case "subscribe" -> assertTrue(command instanceof Command.Subscribe);
            case "unsubscribe" -> assertTrue(command instanceof Command.Unsubscribe);
            default -> assertEquals(sent.data(), ((Command.Message) command).data());
        }
    }

    /** One log line of bounded length: no line break a client could use to forge another line. */
    private static void assertLoggable(String reason) {
        assertFalse(reason.isEmpty());
        assertFalse(reason.contains("\n") || reason.contains("\r"), reason);
        assertTrue(reason.length() <= 400, () -> "a reason of " + reason.length() + " characters: " + reason.substring(0, 400));
    }
}
