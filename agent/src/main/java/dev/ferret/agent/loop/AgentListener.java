package dev.ferret.agent.loop;

/** Progress of a run, for a CLI to show as it happens. */
public interface AgentListener {
    default void onStep(int step, boolean forcedAnswer) {}

    default void onToolCall(ToolCallRecord call) {}

    default void onAnswerText(String delta) {}

    AgentListener NONE = new AgentListener() {};
}
