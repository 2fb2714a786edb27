package dev.ferret.agent.tools;

/**
 * What a tool returns to the model.
 *
 * @param content   the text the model reads (already capped)
 * @param error     true when the call was refused or failed; content then says why
 * @param items     how many items (matches, files, lines) the tool found in total
 * @param omitted   how many of those were left out of {@code content} by the output cap
 */
public record ToolResult(String content, boolean error, int items, int omitted) {
    public static ToolResult ok(String content, int items, int omitted) {
        return new ToolResult(content, false, items, omitted);
    }

    public static ToolResult error(String message) {
        return new ToolResult("error: " + message, true, 0, 0);
    }
}
