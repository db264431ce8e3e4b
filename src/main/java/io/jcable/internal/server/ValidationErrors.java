package io.jcable.internal.server;

import io.jcable.internal.binding.PayloadInvalid;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What a subscriber whose action's payload broke its constraints receives, on that subscription
 * alone: {@code {"error":"message: must not be blank","action":"receive","violations":[{"field":"message",
 * "message":"must not be blank"}]}}. {@code error} says it in words; {@code violations} is for a program.
 */
final class ValidationErrors {

    private ValidationErrors() {
    }

    static JsonObject frame(String action, List<PayloadInvalid.Violation> violations) {
        JsonArrayBuilder each = Json.createArrayBuilder();
        violations.forEach(v -> each.add(Json.createObjectBuilder().add("field", v.field()).add("message", v.message())));
        return Json.createObjectBuilder()
                .add("error", violations.stream().map(v -> v.field() + ": " + v.message()).collect(Collectors.joining("; ")))
                .add("action", action)
                .add("violations", each)
                .build();
    }
}
