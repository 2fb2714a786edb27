package dev.ferret.agent.loop;

/**
 * One tool call of a run, as reported by {@code --json} and the tracker.
 *
 * @param name        tool name the model used
 * @param arguments   arguments JSON as the model wrote them
 * @param resultChars size of the result text given back
 * @param millis      time the tool took
 * @param outcome     ran, refused (guard), error (tool error or bad call), repeated (not run again)
 */
public record ToolCallRecord(String name, String arguments, int resultChars, double millis, Outcome outcome) {
    public enum Outcome { RAN, ERROR, REFUSED, REPEATED }
}
