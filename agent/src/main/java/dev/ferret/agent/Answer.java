package dev.ferret.agent;

import dev.ferret.agent.loop.StopReason;
import dev.ferret.agent.tools.ExecutedCall;
import java.util.List;

/**
 * One answered question, whichever path answered it; what {@code ferret ask --json} prints and the tracker records.
 *
 * @param mode            the path that answered: {@link AgentRuntime.Mode#HYBRID} or {@link AgentRuntime.Mode#AGENT}
 *                        (never {@code AUTO}); JSON spells it lower-case
 * @param intent          the classified intent (hybrid) or "unknown"
 * @param steps           model turns (agent) or plan steps (hybrid)
 * @param tokensGenerated tokens the model generated (0 when no model ran)
 * @param autonomous      the model decided to call tools on its own (agent path); false for the hybrid path,
 *                        whose tool calls are planned, not chosen by a model
 * @param stopReason      why it ended ({@link StopReason}; JSON spells it lower-case: "answered", "hybrid_plan", ...)
 * @param toolCalls       the calls made, in order
 * @param items           how many items the answer lists (hybrid), -1 if unknown
 * @param draft           speculative decoding over the agent loop's turns, {@link Draft#NONE} when no drafter ran
 *                        (always for the hybrid path)
 * @param notes           what the answer may be missing and why, one sentence each (e.g. Python files that were too
 *                        large to scan); empty when nothing was left out
 * @param evidence        the text of the tool results the answer was written from (hybrid and call-only: the hits,
 *                        one {@code file:line: text} line each), what {@code Grounding.audit} checks it against
 * @param scope           the file or folder the hybrid path searched, relative to the repository ({@code shop/net}),
 *                        or {@code null} for the whole repository and for the agent path
 */
public record Answer(String question, String answer, AgentRuntime.Mode mode, String intent, List<ExecutedCall> toolCalls,
                     int steps, double seconds, int tokensGenerated, boolean autonomous, StopReason stopReason, int items,
                     Draft draft, List<String> notes, List<String> evidence, String scope) {

    public Answer {
        toolCalls = List.copyOf(toolCalls);
        notes = List.copyOf(notes);
        evidence = List.copyOf(evidence);
    }

    /** An answer for the whole repository (no scope). */
    public Answer(String question, String answer, AgentRuntime.Mode mode, String intent, List<ExecutedCall> toolCalls,
                  int steps, double seconds, int tokensGenerated, boolean autonomous, StopReason stopReason, int items,
                  Draft draft, List<String> notes, List<String> evidence) {
        this(question, answer, mode, intent, toolCalls, steps, seconds, tokensGenerated, autonomous, stopReason, items,
                draft, notes, evidence, null);
    }

    /**
     * Whether the text is an answer, decided by the stop reason alone (Ferret cannot judge whether a model's answer
     * is right). It is what {@code ferret ask} reports in its exit code.
     */
    public enum Status {
        /** The hybrid path answered from its searches ({@code hybrid_plan}), or the model answered on its own after
         *  zero or more tool calls ({@code answered}). */
        ANSWERED,
        /** The model was stopped from calling tools and made to answer: its step budget was spent
         *  ({@code budget_spent}), it repeated calls ({@code repeated_calls}) or too many calls failed
         *  ({@code too_many_errors}). The text is the model's, written under that constraint. */
        FORCED,
        /** There is no answer: the model gave none and the text is the last tool result
         *  ({@code fallback_from_results}), the conversation no longer fit the context ({@code context_full}), or
         *  the hybrid path alone was asked and does not know the question ({@code unknown_intent}). */
        NO_ANSWER
    }

    /** The {@link Status} of this answer's stop reason. */
    public Status status() {
        return status(stopReason);
    }

    /** The {@link Status} of a stop reason: every reason by name, so a new one must be placed here. */
    public static Status status(StopReason stopReason) {
        return switch (stopReason) {
            case HYBRID_PLAN, ANSWERED -> Status.ANSWERED;
            case BUDGET_SPENT, REPEATED_CALLS, TOO_MANY_ERRORS -> Status.FORCED;
            case FALLBACK_FROM_RESULTS, CONTEXT_FULL, UNKNOWN_INTENT -> Status.NO_ANSWER;
        };
    }

    /** The {@link Status} of a stop reason as JSON spells it ({@link StopReason#label}); an unknown one is no answer. */
    public static Status status(String stopReason) {
        for (StopReason r : StopReason.values()) {
            if (r.label().equalsIgnoreCase(stopReason == null ? "" : stopReason)) {
                return status(r);
            }
        }
        return Status.NO_ANSWER;
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
}
