package io.jcable.internal.binding;

import io.jcable.channel.RawJson;
import io.jcable.internal.protocol.JsonText;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.lang.reflect.Type;

/**
 * Payloads to JSON text and back, with JSON-B. Encoding rules, as in ActionCable: a {@link JsonValue}
 * or {@link RawJson} passes through; a {@code String} becomes a JSON string; anything else is
 * serialised by JSON-B.
 */
@ApplicationScoped
public class PayloadCodec {

    private Jsonb jsonb;

    @PostConstruct
    void open() {
        jsonb = JsonbBuilder.create();
    }

    @PreDestroy
    void close() {
        try {
            jsonb.close();
        } catch (Exception e) {
            System.getLogger(PayloadCodec.class.getName()).log(System.Logger.Level.DEBUG, "closing JSON-B failed", e);
        }
    }

    /** The payload as JSON text that UTF-8 can carry (see {@link JsonText#escapeLoneSurrogates}). */
    public String encode(Object payload) {
        if (payload == null) {
            return "null";
        }
        if (payload instanceof CharSequence text) {
            return JsonText.quote(text.toString());
        }
        String json = payload instanceof RawJson raw ? raw.json()
                : payload instanceof JsonValue value ? value.toString()
                : jsonb.toJson(payload);
        return JsonText.escapeLoneSurrogates(json);
    }

    /** JSON text bound to a Java type. */
    public Object decode(String json, Type type) {
        return jsonb.fromJson(json, type);
    }
}
