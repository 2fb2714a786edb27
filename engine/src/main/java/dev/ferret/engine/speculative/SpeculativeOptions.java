package dev.ferret.engine.speculative;

/**
 * How much to draft and when to stop.
 *
 * @param maxDraft most tokens proposed for one verification batch
 * @param minDraft proposals shorter than this are not verified (a batch for one or two tokens rarely pays)
 * @param pMin     a draft model stops proposing when its top probability falls below this (0 = never);
 *                 prompt lookup has no probabilities and ignores it
 * @param adaptive measure the costs of drafting and of verification batches and the acceptance while
 *                 generating, and draft only while that pays (see {@link SpeculationController}); off: draft
 *                 at every step, as {@code llama-speculative} does
 */
public record SpeculativeOptions(int maxDraft, int minDraft, float pMin, boolean adaptive) {
    /** The most a verification batch may carry (one target token plus the drafts). */
    public static final int MAX_DRAFT_LIMIT = 256;

    public SpeculativeOptions {
        if (maxDraft < 1 || maxDraft > MAX_DRAFT_LIMIT) {
            throw new IllegalArgumentException("maxDraft must be in 1.." + MAX_DRAFT_LIMIT + ", got " + maxDraft);
        }
        if (minDraft < 0 || minDraft > maxDraft) {
            throw new IllegalArgumentException("minDraft must be in 0..maxDraft (" + maxDraft + "), got " + minDraft);
        }
        if (!(pMin >= 0f && pMin < 1f)) {
            throw new IllegalArgumentException("pMin must be in [0, 1), got " + pMin);
        }
    }

    /**
     * The settings users found best with Qwen2.5-Coder draft pairs in llama.cpp (draft max 16, min 4, p-min
     * about 0.4), adaptive.
     */
    public static SpeculativeOptions defaults() {
        return new SpeculativeOptions(16, 4, 0.4f, true);
    }

    /** Prompt lookup's defaults: up to 16 tokens, any length verified, adaptive. */
    public static SpeculativeOptions lookupDefaults() {
        return new SpeculativeOptions(16, 1, 0f, true);
    }

    /** Always draft up to {@code maxDraft} tokens and verify whatever came: llama-speculative's behaviour. */
    public static SpeculativeOptions fixed(int maxDraft) {
        return new SpeculativeOptions(maxDraft, 0, 0f, false);
    }

    public SpeculativeOptions withMinDraft(int n) {
        return new SpeculativeOptions(maxDraft, n, pMin, adaptive);
    }

    public SpeculativeOptions withPMin(float p) {
        return new SpeculativeOptions(maxDraft, minDraft, p, adaptive);
    }
}
