package io.jcable.internal.standalone;

import io.jcable.internal.server.RawSocket;
import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.glassfish.tyrus.spi.CompletionHandler;
import org.glassfish.tyrus.spi.Writer;

/**
 * The raw sockets of Tyrus' sessions: the connection's {@link Writer} (its Grizzly connection),
 * which Tyrus keeps to itself. Through it a batch of frames leaves in one write; Tyrus' own sends
 * (close, pong) queue behind on the same writer.
 */
final class TyrusRawSockets implements RawSocket.Finder {

    private final TyrusInternals tyrus;

    TyrusRawSockets(TyrusInternals tyrus) {
        this.tyrus = tyrus;
    }

    @Override
    public RawSocket of(Session session) {
        Writer out = tyrus.writer(session);
        // Null when not a Tyrus session: its frames go one by one.
        return out == null ? null : (frames, done) -> out.write(frames, completion(done));
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
