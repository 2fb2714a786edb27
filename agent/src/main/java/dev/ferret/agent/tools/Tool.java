package dev.ferret.agent.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A tool the model (or the hybrid path) can call. Every tool reads the file system only through its
 * {@link Sandbox}; bad arguments come back as an error {@link ToolResult} the model can read, never as an
 * exception that ends the run.
 */
public interface Tool {
    /** The name the model calls it by, e.g. {@code grep}. */
    String name();

    /** One or two sentences for the system prompt. */
    String description();

    /** JSON Schema of the arguments object ({@code {"type":"object","properties":{...},"required":[...]}}). */
    ObjectNode parameters();

    /** Runs the tool. Argument problems and refused paths give {@link ToolResult#error}. */
    ToolResult call(JsonNode arguments);
}
