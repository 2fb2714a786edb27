package dev.ferret.agent.loop;

/** Why an agent run ended. Every reason comes with an answer. */
public enum StopReason {
    /** The model answered on its own after zero or more tool calls. */
    ANSWERED,
    /** The step budget was spent; the answer was forced by banning tool calls. */
    BUDGET_SPENT,
    /** The model repeated a call; the answer was forced. */
    REPEATED_CALLS,
    /** Too many refused or failed calls in a row; the answer was forced. */
    TOO_MANY_ERRORS,
    /** The forced answer came out empty; the answer was assembled from the tool results. */
    FALLBACK_FROM_RESULTS,
    /** The context window filled up; the answer was assembled from the tool results. */
    CONTEXT_FULL
}
