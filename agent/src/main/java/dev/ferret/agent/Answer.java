package dev.ferret.agent;

import java.util.List;

/**
 * One answered question, whichever path answered it; what {@code ferret ask --json} prints and the tracker records.
 *
 * @param mode            "hybrid" or "agent"
 * @param intent          the classified intent (hybrid) or "unknown"
 * @param steps           model turns (agent) or plan steps (hybrid)
 * @param tokensGenerated tokens the model generated (0 when no model ran)
 * @param autonomous      the model decided to call tools on its own (agent path); false for the hybrid path,
 *                        whose tool calls are planned, not chosen by a model
 * @param stopReason      why it ended ("answered", "budget_spent", ..., or "hybrid_plan")
 * @param items           how many items the answer lists (hybrid), -1 if unknown
 * @param draft           speculative decoding over the agent loop's turns, {@link Draft#NONE} when no drafter ran
 *                        (always for the hybrid path)
 * @param evidence        the text of the tool results the answer was written from (hybrid and call-only: the hits,
 *                        one {@code file:line: text} line each), what {@code Grounding.audit} checks it against
 */
public record Answer(String question, String answer, String mode, String intent, List<Call> toolCalls, int steps,
                     double seconds, int tokensGenerated, boolean autonomous, String stopReason, int items, Draft draft,
                     List<String> evidence) {
    public Answer {
        toolCalls = List.copyOf(toolCalls);
        evidence = List.copyOf(evidence);
    }

    /**
     * Draft statistics of one answer: the drafter's name ("draft-model", "prompt-lookup", or "none"), tokens it
     * proposed and tokens the target accepted, summed over all turns.
     */
    public record Draft(String drafter, int drafted, int accepted) {
        public static final Draft NONE = new Draft("none", 0, 0);

        /** True when a drafter ran (it may still have proposed nothing). */
        public boolean used() {
            return !drafter.equals("none");
        }

        /** Accepted over drafted tokens; 0 when nothing was drafted. */
        public double acceptanceRate() {
            return drafted == 0 ? 0 : (double) accepted / drafted;
        }
    }

    /** One tool call: name, arguments JSON, result size (characters or items), time, outcome. */
    public record Call(String name, String arguments, int resultSize, double millis, String outcome) {}
}
