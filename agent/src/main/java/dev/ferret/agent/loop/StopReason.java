package dev.ferret.agent.loop;

import java.util.Locale;

/**
 * Why a run ended, on the agent path or the hybrid path ({@link #HYBRID_PLAN}, {@link #UNKNOWN_INTENT}). Every
 * reason comes with a text; JSON and reports spell it lower-case ({@link #label}).
 */
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
    CONTEXT_FULL,
    /** The hybrid path answered from its planned searches. */
    HYBRID_PLAN,
    /** Only the hybrid path was asked, and it does not know the question. */
    UNKNOWN_INTENT;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
