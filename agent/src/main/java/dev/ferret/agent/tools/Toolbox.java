package dev.ferret.agent.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferret.engine.chat.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The tools the model may call, by name, in the order they were added. */
public final class Toolbox {
    private final Map<String, Tool> tools = new LinkedHashMap<>();

    /** grep, find, read_file, list_dir and run_command on one sandbox, each call within {@link CallBudget#DEFAULT}. */
    public static Toolbox standard(Sandbox sandbox) {
        return standard(sandbox, CallBudget.DEFAULT);
    }

    /** grep, find, read_file, list_dir and run_command on one sandbox, each call within {@code budget}. */
    public static Toolbox standard(Sandbox sandbox, java.time.Duration budget) {
        return new Toolbox()
                .add(new GrepTool(sandbox, budget))
                .add(new FindTool(sandbox, budget))
                .add(new ReadFileTool(sandbox, budget))
                .add(new ListDirTool(sandbox, budget))
                .add(new RunCommandTool(sandbox, budget));
    }

    /** Adds a tool; its name must be new. */
    public Toolbox add(Tool tool) {
        if (tools.putIfAbsent(tool.name(), tool) != null) {
            throw new IllegalArgumentException("a tool named " + tool.name() + " is already in the toolbox");
        }
        return this;
    }

    public Optional<Tool> get(String name) {
        return Optional.ofNullable(name == null ? null : tools.get(name));
    }

    public List<Tool> all() {
        return List.copyOf(tools.values());
    }

    public List<String> names() {
        return List.copyOf(tools.keySet());
    }

    /** Calls a tool by name; an unknown name gives an error result that lists the tools. Never throws. */
    public ToolResult call(String name, JsonNode arguments) {
        Tool t = tools.get(name);
        if (t == null) {
            return ToolResult.error("there is no tool named '" + name + "'; the tools are: "
                    + String.join(", ", tools.keySet()));
        }
        try {
            return t.call(arguments);
        } catch (RuntimeException e) {
            return ToolResult.error(name + ": internal failure (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** One {@code {"type": "function", "function": {"name", "description", "parameters"}}} node per tool. */
    public ArrayNode schemas() {
        ArrayNode list = JsonNodeFactory.instance.arrayNode();
        for (Tool t : tools.values()) {
            list.add(schema(t));
        }
        return list;
    }

    static ObjectNode schema(Tool t) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("type", "function");
        ObjectNode f = o.putObject("function");
        f.put("name", t.name());
        f.put("description", t.description());
        f.set("parameters", t.parameters());
        return o;
    }

    /**
     * The tool list as Qwen2.5's chat template puts it between {@code <tools>} and {@code </tools>}: one JSON
     * object per line, keys in a fixed order, written like Python's {@code json.dumps} (", " and ": "
     * separators, non-ASCII as is).
     */
    public String schemasJson() {
        List<String> lines = new ArrayList<>();
        for (Tool t : tools.values()) {
            lines.add(Json.dumps(schema(t)));
        }
        return String.join("\n", lines);
    }
}
