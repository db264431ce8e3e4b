package io.jcable.internal.binding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jcable.channel.CableRequest;
import io.jcable.channel.ConnectionHandler;
import io.jcable.channel.ConnectionRejected;
import io.jcable.internal.binding.fixtures.BadChannels;
import io.jcable.internal.binding.fixtures.Handlers.Anyone;
import io.jcable.internal.binding.fixtures.Handlers.AnyoneToo;
import io.jcable.internal.turbo.PubSubChannel;
import io.jcable.internal.turbo.TurboSigner;
import io.jcable.internal.turbo.TurboStreamsChannel;
import java.util.Map;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

/** Deployments made of chosen classes in Weld SE: a bad channel fails them with a sentence that names it. */
class CableExtensionTest {

    @Test
    void acceptsGoodChannelsAndListsThemByName() {
        try (WeldContainer container = weld(Anyone.class, BadChannels.Good.class, BadChannels.Derived.class).initialize()) {
            CableExtension extension = container.select(CableExtension.class).get();
            assertEquals(java.util.Set.of("Good", "Derived"), extension.channels().keySet());
            ApplicationBeans beans = container.select(ApplicationBeans.class).get();
            var handle = beans.create(beans.channel("Good").orElseThrow());
            assertTrue(handle.get() instanceof BadChannels.Good);
            handle.destroy();
            assertTrue(beans.connectionHandler() instanceof Anyone);
        }
    }

    @Test
    void failsOnTwoChannelsWithOneName() {
        String message = failure(Anyone.class, BadChannels.TwinA.class, BadChannels.TwinB.class);
        assertTrue(message.contains("channel name \"Twin\" is used by both io.jcable.internal.binding.fixtures.BadChannels$TwinA"
                + " and io.jcable.internal.binding.fixtures.BadChannels$TwinB"), message);
    }

    @Test
    void failsOnAnUnbindableParameterNamingClassAndMethod() {
        String message = failure(Anyone.class, BadChannels.TwoPayloads.class);
        assertTrue(message.contains("BadChannels$TwoPayloads#move(Point, Point): parameter 2 (Point) cannot be bound"), message);
    }

    @Test
    void failsOnAChannelThatIsNotDependent() {
        String message = failure(Anyone.class, BadChannels.Shared.class);
        assertTrue(message.contains("BadChannels$Shared is @ApplicationScoped: a channel must be @Dependent"), message);
    }

    @Test
    void builtInChannelsGiveWayToAnApplicationChannelOfTheSameName() throws ClassNotFoundException {
        Class<?> configProducer = Class.forName("io.jcable.config.CableConfigProducer");
        try (WeldContainer container = weld(Anyone.class, configProducer, TurboSigner.class, TurboStreamsChannel.class,
                PubSubChannel.class, BadChannels.OwnTurbo.class).initialize()) {
            ApplicationBeans beans = container.select(ApplicationBeans.class).get();
            assertEquals(BadChannels.OwnTurbo.class, beans.channel("Turbo::StreamsChannel").orElseThrow().beanClass());
            assertEquals(PubSubChannel.class, beans.channel("$pubsub").orElseThrow().beanClass());
            assertEquals(1, beans.channelCount(), "the application's own channels only");
        }
    }

    @Test
    void failsWithoutAConnectionHandler() {
        String message = failure(BadChannels.Good.class);
        assertTrue(message.contains("no bean implements io.jcable.channel.ConnectionHandler"), message);
    }

    @Test
    void jwtIdentificationStandsInForAMissingConnectionHandlerAndRefusesTheRest() throws ClassNotFoundException {
        System.setProperty("jcable.jwt.secret", "extension-test-secret");
        try (WeldContainer container = weld(Class.forName("io.jcable.config.CableConfigProducer"), BadChannels.Good.class).initialize()) {
            ConnectionHandler handler = container.select(ApplicationBeans.class).get().connectionHandler();
            CableRequest request = new CableRequest(java.net.URI.create("/cable"), Map.of(), Map.of(), Map.of(), null, "127.0.0.1", Map.of());
            ConnectionRejected refused = assertThrows(ConnectionRejected.class, () -> handler.connect(request));
            assertTrue(refused.getMessage().contains("no AnyCable token"), refused.getMessage());
        } finally {
            System.clearProperty("jcable.jwt.secret");
        }
    }

    @Test
    void failsWithTwoConnectionHandlers() {
        String message = failure(Anyone.class, AnyoneToo.class, BadChannels.Good.class);
        assertTrue(message.contains("more than one bean implements io.jcable.channel.ConnectionHandler: "
                + Anyone.class.getName() + ", " + AnyoneToo.class.getName()), message);
    }

    private static String failure(Class<?>... classes) {
        Exception failure = assertThrows(Exception.class, () -> weld(classes).initialize().close());
        StringBuilder all = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }

    private static Weld weld(Class<?>... classes) {
        return new Weld("extension-test-" + System.nanoTime()).disableDiscovery()
                .property(Weld.SHUTDOWN_HOOK_SYSTEM_PROPERTY, false)
                .addExtension(new CableExtension())
                .addBeanClasses(ApplicationBeans.class, PayloadCodec.class)
                .addBeanClasses(classes);
    }
}
