package dev.ferret.engine;

/**
 * Speculative-decoding counters of one generation. Every generated token is either an accepted draft token
 * or a token the target sampled itself: {@code accepted + targetTokens == generated tokens}.
 *
 * <p>Immutable; thread-safe.
 *
 * @param drafter        drafter name, or "none"
 * @param drafted        tokens proposed by the drafter
 * @param accepted       proposed tokens the target agreed with (and that were kept)
 * @param targetTokens   tokens sampled by the target itself
 * @param targetBatches  verification batches run on the target model
 * @param skippedSteps   steps the adaptive controller decoded plainly because drafting did not pay
 *                       (or to measure a plain decode)
 */
public record SpecStats(String drafter, int drafted, int accepted, int targetTokens, int targetBatches, int skippedSteps) {
    public static final SpecStats NONE = new SpecStats("none", 0, 0, 0, 0, 0);

    /** Without the adaptive controller's count (kept for callers of the five-field form). */
    public SpecStats(String drafter, int drafted, int accepted, int targetTokens, int targetBatches) {
        this(drafter, drafted, accepted, targetTokens, targetBatches, 0);
    }

    public double acceptanceRate() {
        return drafted == 0 ? 0 : (double) accepted / drafted;
    }
}
