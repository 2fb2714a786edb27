package dev.ferret.agent.loop;

import dev.ferret.agent.tools.ExecutedCall;
/** Progress of a run, for a CLI to show as it happens. */
public interface AgentListener {
    default void onStep(int step, boolean forcedAnswer) {}

    default void onToolCall(ExecutedCall call) {}

    default void onAnswerText(String delta) {}

    AgentListener NONE = new AgentListener() {};
}
