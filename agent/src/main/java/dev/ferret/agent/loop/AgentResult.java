package dev.ferret.agent.loop;

import dev.ferret.agent.tools.ExecutedCall;
import java.util.List;

/**
 * The outcome of one agent run.
 *
 * @param answer          the final answer text (never empty)
 * @param stopReason      why the run ended
 * @param steps           model turns taken
 * @param toolCalls       every call, in order
 * @param tokensGenerated tokens the model generated over all turns
 * @param promptTokensEvaluated prompt tokens evaluated (after KV-cache reuse) over all turns
 * @param promptTokensReused    prompt tokens taken from the KV cache over all turns
 * @param seconds         wall time of the run
 * @param autonomous      true when the model called at least one tool on its own
 * @param drafted         speculative decoding: tokens the drafter proposed, summed over all turns (0 without a drafter)
 * @param accepted        speculative decoding: proposed tokens the target kept, summed over all turns (0 without a drafter)
 * @param evidence        every call of the run and its result, as text (what its answer may name; see {@link Grounding})
 */
public record AgentResult(String answer, StopReason stopReason, int steps, List<ExecutedCall> toolCalls,
                          int tokensGenerated, int promptTokensEvaluated, int promptTokensReused, double seconds,
                          boolean autonomous, int drafted, int accepted, List<String> evidence) {
    public AgentResult {
        toolCalls = List.copyOf(toolCalls);
        evidence = List.copyOf(evidence);
    }

    /** Accepted over drafted tokens; 0 when nothing was drafted. */
    public double acceptanceRate() {
        return drafted == 0 ? 0 : (double) accepted / drafted;
    }
}
