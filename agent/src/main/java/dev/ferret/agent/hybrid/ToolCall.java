package dev.ferret.agent.hybrid;

/**
 * A record of one tool call the hybrid path made.
 *
 * @param tool        the tool's name
 * @param arguments   the arguments as JSON
 * @param resultItems how many items the tool returned (0 on error)
 * @param millis      wall time of the call
 * @param error       the tool's error message, or null
 */
public record ToolCall(String tool, String arguments, int resultItems, double millis, String error) {
    public boolean failed() {
        return error != null;
    }
}
