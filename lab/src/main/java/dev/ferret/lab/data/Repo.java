package dev.ferret.lab.data;

import dev.ferret.agent.prompt.AgentPrompt;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ferret.agent.python.Hit;
import dev.ferret.agent.python.PythonIndex;
import dev.ferret.agent.python.PythonTool;
import dev.ferret.agent.python.PythonTools;
import dev.ferret.agent.tools.Sandbox;
import dev.ferret.agent.tools.ToolException;
import dev.ferret.agent.tools.ToolResult;
import dev.ferret.agent.tools.Toolbox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The project's own tools on one codebase, assembled exactly as {@code AgentRuntime} does for {@code ferret ask}:
 * {@link Toolbox#standard} (grep, find, read_file, list_dir, run_command) followed by the Python-aware tools
 * (find_classes, find_functions, find_imports, find_comments) over one shared {@link PythonIndex}.
 */
public final class Repo {
    private final Path root;
    private final Sandbox sandbox;
    private final PythonIndex index;
    private final Toolbox toolbox;
    private final Map<String, PythonTool> python = new LinkedHashMap<>();

    private Repo(Path root) {
        this.root = root;
        this.sandbox = new Sandbox(root);
        this.index = new PythonIndex(sandbox);
        this.toolbox = Toolbox.standard(sandbox);
        for (PythonTool t : PythonTools.create(index)) {
            toolbox.add(t);
            python.put(t.name(), t);
        }
    }

    /** The tools on the folder {@code root}, which must exist. */
    public static Repo open(Path root) {
        if (!Files.isDirectory(root)) {
            throw new IllegalArgumentException("not a directory: " + root
                    + " (fetch the codebases first: scripts/fetch-training-codebases.sh)");
        }
        return new Repo(root);
    }

    public Path root() {
        return root;
    }

    public Sandbox sandbox() {
        return sandbox;
    }

    public PythonIndex index() {
        return index;
    }

    public Toolbox toolbox() {
        return toolbox;
    }

    /** The tool schemas as the agent loop lists them, {@code {"type": "function", "function": {...}}} each. */
    public List<JsonNode> schemas() {
        return AgentPrompt.schemas(toolbox);
    }

    /** Runs a tool call for real, as the agent loop does. */
    public ToolResult call(String tool, JsonNode arguments) {
        return toolbox.call(tool, arguments);
    }

    /** All hits of a Python tool (no output cap): the exact scan the final answers are derived from. */
    public List<Hit> search(String tool, JsonNode arguments) throws ToolException {
        PythonTool t = python.get(tool);
        if (t == null) {
            throw new IllegalArgumentException("not a Python tool: " + tool);
        }
        return t.search(arguments);
    }

    /** True for the Python-aware tools. */
    public boolean isPythonTool(String tool) {
        return python.containsKey(tool);
    }
}
