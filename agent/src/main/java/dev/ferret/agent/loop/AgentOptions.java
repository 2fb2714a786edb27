package dev.ferret.agent.loop;

/**
 * Limits of one agent run.
 *
 * @param maxSteps        model turns that may call tools; the turn after the last is forced to answer
 * @param maxRepeats      identical repeated calls tolerated before the answer is forced
 * @param maxErrors       consecutive refused or failed calls tolerated before the answer is forced
 * @param maxTokensCall   token budget of a tool-calling turn
 * @param maxTokensAnswer token budget of the final answer
 * @param constrainCalls  constrain tool calls with a grammar generated from the tool schemas
 */
public record AgentOptions(int maxSteps, int maxRepeats, int maxErrors, int maxTokensCall, int maxTokensAnswer,
                           boolean constrainCalls) {
    public AgentOptions {
        if (maxSteps < 1 || maxRepeats < 1 || maxErrors < 1 || maxTokensCall < 8 || maxTokensAnswer < 8) {
            throw new IllegalArgumentException("invalid agent options");
        }
    }

    public static AgentOptions defaults() {
        return new AgentOptions(6, 2, 3, 160, 400, true);
    }

    public AgentOptions withMaxSteps(int n) {
        return new AgentOptions(n, maxRepeats, maxErrors, maxTokensCall, maxTokensAnswer, constrainCalls);
    }

    public AgentOptions withConstrainCalls(boolean on) {
        return new AgentOptions(maxSteps, maxRepeats, maxErrors, maxTokensCall, maxTokensAnswer, on);
    }
}
