package io.jcable.internal.binding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jcable.internal.binding.fixtures.BadChannels;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ChannelReaderTest {

    private final List<String> problems = new ArrayList<>();

    @Test
    void readsACorrectChannel() {
        ChannelDefinition good = ChannelReader.read(BadChannels.Good.class, problems);
        assertEquals(List.of(), problems);
        assertEquals("Good", good.name());
        assertEquals(Set.of("receive", "set_status"), good.actions().keySet());
        assertNotNull(good.subscribed());
        assertNotNull(good.unsubscribed());
        assertEquals(3, good.subscribed().binders().size());
        assertEquals(List.of(ParameterBinder.SubscriptionArgument.class, ParameterBinder.PayloadArgument.class),
                good.actions().get("receive").binders().stream().map(Object::getClass).toList());
    }

    @Test
    void readsErrorHandlersPicksTheClosestAndReportsEachMistakeInOneSentence() {
        ChannelDefinition rescuing = ChannelReader.read(BadChannels.Rescuing.class, problems);
        String type = "io.jcable.internal.binding.fixtures.BadChannels$Rescuing";
        assertEquals(4, problems.size(), problems::toString);
        String oneException = ": @Rescue methods take exactly one exception parameter, the exception they handle";
        assertTrue(problems.contains(type + "#none(Subscription)" + oneException), problems::toString);
        assertTrue(problems.contains(type + "#two(IllegalStateException, IllegalStateException)" + oneException), problems::toString);
        assertTrue(problems.contains(type + "#both(ArithmeticException) has more than one of @Subscribed, @Unsubscribed, @Action, @Rescue and @Periodically"),
                problems::toString);
        assertTrue(problems.stream().anyMatch(p -> p.startsWith(type + ": @Rescue methods ") && p.contains("#again(IllegalArgumentException)")
                && p.contains("#argument(Subscription, IllegalArgumentException)") && p.endsWith(" both handle IllegalArgumentException")),
                problems::toString);
        assertEquals("runtime", rescuing.rescueFor(new ArithmeticException()).method().getName(), "a RuntimeException");
        // Two handlers of IllegalArgumentException (a deployment error above): whichever was read first is kept.
        assertTrue(Set.of("argument", "again").contains(rescuing.rescueFor(new NumberFormatException()).method().getName()),
                "closest: IllegalArgumentException");
        assertNull(rescuing.rescueFor(new IOException()), "no handler fits a checked exception here");
    }

    @Test
    void readsTimersAndRefusesAPeriodOfNothing() {
        ChannelDefinition ticking = ChannelReader.read(BadChannels.Ticking.class, problems);
        assertEquals(List.of("io.jcable.internal.binding.fixtures.BadChannels$Ticking#never(): @Periodically(0, SECONDS) is not a period:"
                + " give at least 1 ms"), problems);
        assertEquals(1, ticking.timers().size());
        assertEquals(2000, ticking.timers().get(0).periodMillis());
        assertEquals("every2s", ticking.timers().get(0).method().method().getName());
    }

    @Test
    void namesAChannelAfterItsClassWhenTheAnnotationDoesNot() {
        assertEquals("StaticAction", ChannelReader.channelName(BadChannels.StaticAction.class));
        assertEquals("Twin", ChannelReader.channelName(BadChannels.TwinA.class));
    }

    @Test
    void inheritsActionsAndLetsAnOverrideRenameThem() {
        ChannelDefinition derived = ChannelReader.read(BadChannels.Derived.class, problems);
        assertEquals(List.of(), problems);
        assertEquals(Set.of("ping", "yell"), derived.actions().keySet());
    }

    @Test
    void reportsTwoActionsWithOneName() {
        ChannelReader.read(BadChannels.SameActionTwice.class, problems);
        assertEquals(1, problems.size(), problems::toString);
        assertTrue(problems.get(0).contains("share the name \"go\""), problems::toString);
        assertTrue(problems.get(0).contains("BadChannels$SameActionTwice#go(Subscription)"), problems::toString);
        assertTrue(problems.get(0).contains("BadChannels$SameActionTwice#go(Subscription, Point)"), problems::toString);
    }

    @Test
    void reportsASecondPayloadParameter() {
        ChannelReader.read(BadChannels.TwoPayloads.class, problems);
        assertEquals(List.of("io.jcable.internal.binding.fixtures.BadChannels$TwoPayloads#move(Point, Point): parameter 2 (Point)"
                + " cannot be bound: an action takes at most one payload parameter, and Point is already one"), problems);
    }

    @Test
    void reportsAPayloadParameterInACallback() {
        ChannelReader.read(BadChannels.CallbackWithPayload.class, problems);
        assertEquals(List.of("io.jcable.internal.binding.fixtures.BadChannels$CallbackWithPayload#subscribed(Subscription, Point):"
                + " parameter 2 (Point) cannot be bound: callbacks take Subscription, Identity and @Param parameters"),
                problems);
    }

    @Test
    void reportsPayloadTypesJsonBCannotFillFromAnObject() {
        ChannelReader.read(BadChannels.UnbindablePayloads.class, problems);
        assertEquals(4, problems.size(), problems::toString);
        assertTrue(problems.stream().anyMatch(p -> p.contains("#list(List)") && p.contains("cannot hold one")), problems::toString);
        assertTrue(problems.stream().anyMatch(p -> p.contains("#number(int)") && p.contains("cannot hold one")), problems::toString);
        assertTrue(problems.stream().anyMatch(p -> p.contains("#iface(Runnable)") && p.contains("interface")), problems::toString);
        assertTrue(problems.stream().anyMatch(p -> p.contains("#noConstructor(NoDefaultConstructor)")
                && p.contains("no-arg constructor")), problems::toString);
    }

    @Test
    void reportsStaticMethodsAndTwoRolesOnOneMethod() {
        ChannelReader.read(BadChannels.StaticAction.class, problems);
        ChannelReader.read(BadChannels.TwoRoles.class, problems);
        assertEquals(2, problems.size(), problems::toString);
        assertTrue(problems.get(0).endsWith("#nope() is static: channel methods run on the subscription's bean"));
        assertTrue(problems.get(1).endsWith("#both(Subscription) has more than one of @Subscribed, @Unsubscribed, @Action, @Rescue and @Periodically"));
    }
}
