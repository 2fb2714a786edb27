package dev.ferret.engine.speculative;

/**
 * Proposes tokens that the target model is likely to generate next. The target verifies the proposal in
 * one batch and keeps the longest agreeing prefix, so a drafter can only change speed, never the output
 * of greedy decoding.
 *
 * <p>Called on the generating thread of the session it drafts for; an implementation used by several sessions
 * at once must be thread-safe.
 */
public interface Drafter extends AutoCloseable {
    /**
     * @param context every token so far (prompt and generated), the last one not yet evaluated by the target
     * @param max     most tokens to propose
     * @return the proposal, possibly empty
     */
    int[] draft(int[] context, int max);

    /** A short name for reports ("prompt-lookup", "draft-model"). */
    String name();

    @Override
    default void close() {}
}
