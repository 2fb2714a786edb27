package dev.ferret.lab.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * One generated conversation and where it came from.
 *
 * @param id       {@code <codebase>-<n>}, unique in a run
 * @param codebase the codebase the tools ran on
 * @param split    the codebase's split
 * @param task     what the question asks for
 * @param shape    how the conversation goes (direct, confirm_read, empty_first, ...)
 * @param messages the mlx_lm chat messages: system, user, (assistant call, tool result)+, assistant answer
 */
public record Example(String id, String codebase, Split split, Task task, String shape, ArrayNode messages) {

    /** One recorded tool call with its recorded result. */
    public record Call(String tool, ObjectNode arguments, String result) {
    }

    /** The user's question. */
    public String question() {
        return messages.get(1).path("content").asText();
    }

    /** The final answer. */
    public String answer() {
        return messages.get(messages.size() - 1).path("content").asText();
    }

    /** The tool calls in order, each with the content of the tool message that follows it. */
    public List<Call> calls() {
        return calls(messages);
    }

    /** The tool calls of a message list (assistant tool_calls paired with the tool messages after them). */
    public static List<Call> calls(JsonNode messages) {
        List<Call> out = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            JsonNode m = messages.get(i);
            JsonNode tc = m.path("tool_calls");
            for (int k = 0; k < tc.size(); k++) {
                JsonNode fn = tc.get(k).path("function");
                JsonNode result = messages.path(i + 1 + k);
                out.add(new Call(fn.path("name").asText(), (ObjectNode) fn.path("arguments"),
                        result.path("content").asText()));
            }
        }
        return out;
    }

    /** The metadata line of the sidecar file. */
    public ObjectNode meta() {
        ObjectNode o = Jsonl.MAPPER.createObjectNode();
        o.put("id", id);
        o.put("codebase", codebase);
        o.put("split", split.word());
        o.put("task", task.label());
        o.put("shape", shape);
        return o;
    }

    /** The training line: {@code {"messages": [...], "tools": [...]}}. */
    public ObjectNode line(ArrayNode tools) {
        ObjectNode o = Jsonl.MAPPER.createObjectNode();
        o.set("messages", messages);
        o.set("tools", tools);
        return o;
    }
}
