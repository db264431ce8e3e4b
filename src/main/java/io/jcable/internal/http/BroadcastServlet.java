package io.jcable.internal.http;

import io.jcable.broadcast.Broadcaster;
import io.jcable.channel.RawJson;
import io.jcable.internal.protocol.JsonReading;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code POST /_broadcast} with {@code Authorization: Bearer <key>} and the body
 * {@code {"stream":"<name>","data":"<JSON text>"}} (or an array of them, as AnyCable batches):
 * every subscriber of the stream receives the decoded data. Answers 201; 401 for a missing or
 * wrong key; 422 for a malformed body, and then nothing is broadcast; 405 for other methods.
 */
public class BroadcastServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    private static final System.Logger LOG = System.getLogger(BroadcastServlet.class.getName());
    private static final int MAX_BODY = 16 * 1024 * 1024;

    private final transient Broadcaster broadcaster;
    private final transient BearerKey key;

    public BroadcastServlet(Broadcaster broadcaster, String key) {
        this.broadcaster = broadcaster;
        this.key = new BearerKey(key);
    }

    /** @param excludeSocket {@code meta.exclude_socket}: the socket id it must not reach, or null */
    private record Message(String stream, String json, String excludeSocket) {
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!key.admits(request, response, "POST")) {
            return;
        }
        byte[] body = read(request.getInputStream());
        List<Message> messages = body == null ? null : parse(new String(body, StandardCharsets.UTF_8));
        if (messages == null) {
            BearerKey.reply(response, 422, "Malformed broadcast");
            return;
        }
        try {
            messages.forEach(message -> broadcaster.broadcastToOthers(message.stream(), new RawJson(message.json()),
                    message.excludeSocket()));
        } catch (IllegalStateException e) {
            LOG.log(Level.WARNING, "HTTP broadcast refused: {0}", e.getMessage());
            BearerKey.reply(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "Busy");
            return;
        }
        response.setStatus(HttpServletResponse.SC_CREATED);
    }

    /** The messages of a well-formed body, or null: a batch is broadcast whole or not at all. */
    static List<Message> parse(String body) {
        JsonValue value = JsonReading.parse(body);
        if (value == null) {
            return null;
        }
        List<JsonValue> items = value instanceof JsonArray array ? array : List.of(value);
        List<Message> messages = new ArrayList<>();
        for (JsonValue item : items) {
            Message message = message(item);
            if (message == null) {
                return null;
            }
            messages.add(message);
        }
        return messages.isEmpty() ? null : messages;
    }

    private static Message message(JsonValue item) {
        if (!(item instanceof JsonObject object)
                || !(object.get("stream") instanceof JsonString stream) || stream.getString().isEmpty()
                || !(object.get("data") instanceof JsonString data)) {
            return null;
        }
        JsonValue decoded = JsonReading.parse(data.getString());
        String excludeSocket = null;
        if (object.get("meta") instanceof JsonObject meta && meta.get("exclude_socket") != null) {
            if (!(meta.get("exclude_socket") instanceof JsonString socket)) {
                return null;
            }
            excludeSocket = socket.getString();
        }
        // Re-serialised: the frame then carries compact, certainly valid JSON.
        return decoded == null ? null : new Message(stream.getString(), decoded.toString(), excludeSocket);
    }

    private static byte[] read(InputStream in) throws IOException {
        byte[] body = in.readNBytes(MAX_BODY + 1);
        return body.length > MAX_BODY ? null : body;
    }
}
