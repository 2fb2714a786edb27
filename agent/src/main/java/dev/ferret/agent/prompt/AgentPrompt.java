package dev.ferret.agent.prompt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferret.agent.tools.Tool;
import dev.ferret.agent.tools.Toolbox;
import dev.ferret.engine.chat.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * What the agent tells the model before the question: its system turn and the tool schemas. The agent loop
 * renders them, and the training data is written from them, so both have this one owner: a model trained on
 * the data sees at run time exactly what it was trained on.
 */
public final class AgentPrompt {
    public static final String SYSTEM_PROMPT = """
            You answer questions about the code repository in the current directory. You cannot see the code: \
            search it with the tools, read their results, then answer. Never answer from memory. \
            Prefer the Python-aware tools (find_classes, find_functions, find_imports, find_comments) when they fit. \
            Call one tool at a time. When the results answer the question, reply with a short answer that lists \
            each item as name (file:line), and no tool call.""";

    private AgentPrompt() {}

    /** The schema list the system turn shows: {@code {"type": "function", "function": {...}}} per tool. */
    public static List<JsonNode> schemas(Toolbox tools) {
        List<JsonNode> out = new ArrayList<>();
        for (Tool t : tools.all()) {
            ObjectNode fn = Json.MAPPER.createObjectNode();
            fn.put("name", t.name());
            fn.put("description", t.description());
            fn.set("parameters", t.parameters());
            ObjectNode wrap = Json.MAPPER.createObjectNode();
            wrap.put("type", "function");
            wrap.set("function", fn);
            out.add(wrap);
        }
        return out;
    }
}
