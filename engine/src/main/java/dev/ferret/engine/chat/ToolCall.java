package dev.ferret.engine.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * A tool call as the model wrote it: a tool name and a JSON object of arguments.
 *
 * <p>Read-only once made (do not change its {@code arguments} node); then any thread may read it.
 */
public record ToolCall(String name, ObjectNode arguments) {
    public ToolCall {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(arguments, "arguments");
    }

    /** {@code {"name": "grep", "arguments": {...}}} in the spacing the Qwen2.5 template uses. */
    public String toJson() {
        return "{\"name\": " + Json.dumps(Json.MAPPER.getNodeFactory().textNode(name)) + ", \"arguments\": " + Json.dumps(arguments) + "}";
    }

    /** A stable key for spotting repeated calls: name plus arguments with keys sorted. */
    public String canonicalKey() {
        return name + " " + Json.canonical(arguments);
    }

    public static ToolCall of(String name, JsonNode arguments) {
        return new ToolCall(name, (ObjectNode) arguments);
    }
}
