package dev.ferret.agent.tools;

/**
 * What a tool returns to the model.
 *
 * @param content   the text the model reads (already capped by the tool; in any case cut to {@link #MAX_CONTENT})
 * @param error     true when the call was refused or failed; content then says why
 * @param items     how many items (matches, files, lines) the tool found in total
 * @param omitted   how many of those were left out of {@code content} by the output cap
 */
public record ToolResult(String content, boolean error, int items, int omitted) {
    /**
     * The most characters of content a result holds. Each tool caps its own output (8 KiB for searches and listings,
     * 12 KiB for file contents, plus a few closing notes); this is the last guard behind those caps, so that no
     * result, from a tool here or any other, can fill the model's context.
     */
    public static final int MAX_CONTENT = 16_384;

    /** Cuts {@code content} that is longer than {@link #MAX_CONTENT}, saying so at its end. */
    public ToolResult {
        if (content != null && content.length() > MAX_CONTENT) {
            content = cut(content);
        }
    }

    public static ToolResult ok(String content, int items, int omitted) {
        return new ToolResult(content, false, items, omitted);
    }

    public static ToolResult error(String message) {
        return new ToolResult("error: " + message, true, 0, 0);
    }

    private static String cut(String content) {
        int end = MAX_CONTENT - 100; // room for the note
        int line = content.lastIndexOf('\n', end);
        if (line > end / 2) {
            end = line; // at a line's end where one is near
        } else if (Character.isHighSurrogate(content.charAt(end - 1))) {
            end--;
        }
        return content.substring(0, end) + "\n[... output cut after " + end + " of " + content.length()
                + " characters; narrow the call]";
    }
}
