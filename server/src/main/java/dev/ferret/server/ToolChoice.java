package dev.ferret.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * What OpenAI's {@code tool_choice} asks, with the tools it leaves: {@code none} (answer in text), {@code auto}
 * (the model chooses; a call it writes is held to the tools' grammar), {@code required} (one call to any tool,
 * generated under the call grammar), or one named function (a call to it, under its grammar).
 */
record ToolChoice(Mode mode, List<JsonNode> tools) {
    enum Mode { NONE, AUTO, REQUIRED }

    /** Reads {@code tools} and {@code tool_choice}; a bad shape, or a choice that names no given tool, is an ApiError. */
    static ToolChoice read(Params p) {
        JsonNode toolsNode = p.get("tools");
        List<JsonNode> tools = new ArrayList<>();
        if (toolsNode != null) {
            if (!toolsNode.isArray()) {
                throw ApiError.type("tools", "an array of {\"type\": \"function\", \"function\": {...}} objects");
            }
            for (int i = 0; i < toolsNode.size(); i++) {
                JsonNode t = toolsNode.get(i);
                JsonNode fn = t.path("function");
                if (!t.isObject() || !"function".equals(t.path("type").asText()) || !fn.isObject() || !fn.path("name").isTextual()
                        || fn.path("name").textValue().isBlank()) {
                    throw ApiError.invalid("tools[" + i + "] must be {\"type\": \"function\", \"function\": {\"name\": ..., \"parameters\": {...}}}",
                            "tools");
                }
                JsonNode params = fn.get("parameters");
                if (params != null && !params.isNull() && !params.isObject()) {
                    throw ApiError.invalid("tools[" + i + "].function.parameters must be a JSON schema object", "tools");
                }
                tools.add(t);
            }
        }
        JsonNode choice = p.get("tool_choice");
        if (choice == null) {
            return new ToolChoice(tools.isEmpty() ? Mode.NONE : Mode.AUTO, List.copyOf(tools));
        }
        if (choice.isTextual()) {
            return switch (choice.textValue()) {
                case "none" -> new ToolChoice(Mode.NONE, List.of());
                case "auto" -> new ToolChoice(tools.isEmpty() ? Mode.NONE : Mode.AUTO, List.copyOf(tools));
                case "required" -> {
                    if (tools.isEmpty()) {
                        throw ApiError.invalid("tool_choice 'required' needs a non-empty 'tools' array", "tool_choice");
                    }
                    yield new ToolChoice(Mode.REQUIRED, List.copyOf(tools));
                }
                default -> throw ApiError.invalid("tool_choice must be 'none', 'auto', 'required' or"
                        + " {\"type\": \"function\", \"function\": {\"name\": ...}}, got '" + choice.textValue() + "'", "tool_choice");
            };
        }
        if (choice.isObject() && choice.path("function").path("name").isTextual()) {
            String name = choice.path("function").path("name").textValue();
            for (JsonNode t : tools) {
                if (name.equals(t.path("function").path("name").textValue())) {
                    return new ToolChoice(Mode.REQUIRED, List.of(t));
                }
            }
            throw ApiError.invalid("tool_choice names function '" + name + "', which is not in 'tools'", "tool_choice");
        }
        throw ApiError.type("tool_choice", "'none', 'auto', 'required' or {\"type\": \"function\", \"function\": {\"name\": ...}}");
    }
}
