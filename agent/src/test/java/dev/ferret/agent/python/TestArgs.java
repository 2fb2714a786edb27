package dev.ferret.agent.python;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferret.engine.chat.Json;

/** Tool arguments written as JSON text in the Python tools' tests. */
final class TestArgs {
    private TestArgs() {
    }

    static JsonNode args(String json) {
        try {
            return Json.MAPPER.readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(json, e);
        }
    }
}
