package io.jcable.turbo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jcable.config.CableConfig;
import io.jcable.internal.turbo.TurboSigner;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TurboStreamsTest {

    record Post(long id) {
    }

    /** The beans as CDI would wire them, with {@code options}. */
    private static TurboStreams turbo(Map<String, String> options) throws ReflectiveOperationException {
        TurboSigner signer = new TurboSigner();
        Field config = TurboSigner.class.getDeclaredField("config");
        config.setAccessible(true);
        config.set(signer, CableConfig.from(options));
        Method configure = TurboSigner.class.getDeclaredMethod("configure");
        configure.setAccessible(true);
        configure.invoke(signer);
        TurboStreams turbo = new TurboStreams();
        turbo.signer = signer;
        return turbo;
    }

    @Test
    void streamablesAreJoinedWithColonsModelsByTheirId() throws ReflectiveOperationException {
        TurboStreams turbo = turbo(Map.of("jcable.turbo.key", "demo-turbo-key"));
        assertEquals("comments:Post:42", turbo.streamName("comments", new Post(42)));
        assertEquals("a:1:b:Post:7", turbo.streamName("a", List.of(1, "b"), new Object[] {new Post(7)}));
        assertThrows(IllegalArgumentException.class, () -> turbo.streamName());
    }

    @Test
    void theTagCarriesANameTheBuiltInChannelAccepts() throws ReflectiveOperationException {
        TurboStreams turbo = turbo(Map.of("jcable.turbo.key", "demo-turbo-key"));
        // What Ruby's ActiveSupport::MessageVerifier signs for comments:post:42 with demo-turbo-key.
        String rails = "ImNvbW1lbnRzOnBvc3Q6NDIi--2502475c8c1e6db1f37a55412e34928dc9595ebe75ec10a7045a298bfcd92036";
        assertEquals(rails, turbo.signedStreamName("comments:post", 42));
        assertEquals("<turbo-cable-stream-source channel=\"Turbo::StreamsChannel\" signed-stream-name=\"" + rails
                + "\"></turbo-cable-stream-source>", turbo.streamSourceTag("comments", "post", 42));
        assertEquals(Optional.of("comments:post:42"), turbo.signer.verify(rails));
    }

    @Test
    void withoutAKeyNothingIsSignedAndNothingVerifies() throws ReflectiveOperationException {
        TurboStreams turbo = turbo(Map.of());
        IllegalStateException off = assertThrows(IllegalStateException.class, () -> turbo.signedStreamName("x"));
        assertTrue(off.getMessage().contains("jcable.turbo.key"), off.getMessage());
        assertEquals(Optional.empty(), turbo.signer.verify("ImNvbW1lbnRzOnBvc3Q6NDIi--2502475c8c1e6db1f37a55412e34928dc9595ebe75ec10a7045a298bfcd92036"));
    }

    @Test
    void attributesAreEscaped() {
        assertEquals("&lt;a href=&quot;x&quot;&gt;&amp;&#39;", Html.attribute("<a href=\"x\">&'"));
    }
}
