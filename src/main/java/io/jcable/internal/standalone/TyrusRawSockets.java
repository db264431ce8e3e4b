package io.jcable.internal.standalone;

import io.jcable.internal.server.RawSocket;
import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import org.glassfish.tyrus.spi.CompletionHandler;
import org.glassfish.tyrus.spi.Writer;

/**
 * The raw sockets of Tyrus' sessions: the connection's {@link Writer} (its Grizzly connection),
 * which Tyrus keeps to itself. Through it a batch of frames leaves in one write; Tyrus' own sends
 * (close, pong) queue behind on the same writer. Reached by reflection, checked once at start: a
 * Tyrus without these members fails the server's start, not a connection.
 */
final class TyrusRawSockets implements RawSocket.Finder {

    private final Field webSocket;
    private final Method protocolHandler;
    private final Field writer;

    TyrusRawSockets() {
        try {
            webSocket = Class.forName("org.glassfish.tyrus.core.TyrusRemoteEndpoint").getDeclaredField("webSocket");
            protocolHandler = Class.forName("org.glassfish.tyrus.core.TyrusWebSocket").getDeclaredMethod("getProtocolHandler");
            writer = Class.forName("org.glassfish.tyrus.core.ProtocolHandler").getDeclaredField("writer");
            webSocket.setAccessible(true);
            protocolHandler.setAccessible(true);
            writer.setAccessible(true);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("this Tyrus version keeps its connection writer elsewhere", e);
        }
    }

    @Override
    public RawSocket of(Session session) {
        try {
            Writer out = (Writer) writer.get(protocolHandler.invoke(webSocket.get(session.getAsyncRemote())));
            return out == null ? null : (frames, done) -> out.write(frames, completion(done));
        } catch (ReflectiveOperationException | ClassCastException e) {
            return null; // not a Tyrus session: its frames go one by one
        }
    }

    private static CompletionHandler<ByteBuffer> completion(SendHandler done) {
        return new CompletionHandler<>() {
            @Override
            public void completed(ByteBuffer result) {
                done.onResult(new SendResult());
            }

            @Override
            public void failed(Throwable error) {
                done.onResult(new SendResult(error));
            }

            @Override
            public void cancelled() {
                done.onResult(new SendResult(new IOException("write cancelled")));
            }
        };
    }
}
