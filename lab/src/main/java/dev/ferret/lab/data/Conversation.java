package dev.ferret.lab.data;

import dev.ferret.agent.prompt.AgentPrompt;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferret.agent.tools.ToolResult;
import java.util.ArrayList;
import java.util.List;

/**
 * Plays out one conversation: every tool call is executed for real on the codebase by the project's tools, and the
 * result recorded is exactly what the tool returned. One call per assistant turn, as the system prompt asks.
 */
final class Conversation {
    private final Repo repo;
    private final ArrayNode messages = Jsonl.MAPPER.createArrayNode();
    private final List<ToolResult> results = new ArrayList<>();

    Conversation(Repo repo, String question) {
        this.repo = repo;
        messages.addObject().put("role", "system").put("content", AgentPrompt.SYSTEM_PROMPT);
        messages.addObject().put("role", "user").put("content", question);
    }

    /** Runs the tool, records the assistant's call and the tool's result, and returns the result. */
    ToolResult call(String tool, ObjectNode arguments) {
        ToolResult r = repo.call(tool, arguments);
        ObjectNode assistant = messages.addObject();
        assistant.put("role", "assistant");
        assistant.put("content", "");
        ObjectNode fn = assistant.putArray("tool_calls").addObject().put("type", "function").putObject("function");
        fn.put("name", tool);
        fn.set("arguments", arguments.deepCopy());
        messages.addObject().put("role", "tool").put("content", r.content());
        results.add(r);
        return r;
    }

    List<ToolResult> results() {
        return results;
    }

    /** The recorded outputs so far. */
    List<String> outputs() {
        return results.stream().map(ToolResult::content).toList();
    }

    /** Ends with the final answer. */
    Example answer(String id, Codebase codebase, Task task, String shape, String text) {
        messages.addObject().put("role", "assistant").put("content", text);
        return new Example(id, codebase.name(), codebase.split(), task, shape, messages);
    }
}
