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

    /**
     * A proposal with a confidence cut-off chosen by the caller (the adaptive controller tries drafting without
     * {@link SpeculativeOptions#pMin()} to learn whether the cut-off helps). Drafters without confidences
     * ignore {@code pMin}.
     */
    default int[] draft(int[] context, int max, float pMin) {
        return draft(context, max);
    }

    /**
     * Called once per generation, after the target has evaluated the prompt and before the first
     * {@link #draft}: a drafter with a model of its own evaluates the prompt here, so that its cost counts as
     * prompt time, as llama.cpp's speculative tools count it, and the first draft only evaluates what is new.
     *
     * @param prompt the generation's prompt tokens
     */
    default void begin(int[] prompt) {}

    /** A short name for reports ("prompt-lookup", "draft-model"). */
    String name();

    /**
     * How much to draft and whether to adapt. A drafter that does not say drafts up to 16 tokens at every
     * step, as before adaptive speculation existed.
     */
    default SpeculativeOptions options() {
        return SpeculativeOptions.fixed(16);
    }

    @Override
    default void close() {}
}
