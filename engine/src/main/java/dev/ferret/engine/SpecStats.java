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
 */
public record SpecStats(String drafter, int drafted, int accepted, int targetTokens, int targetBatches) {
    public static final SpecStats NONE = new SpecStats("none", 0, 0, 0, 0);

    public double acceptanceRate() {
        return drafted == 0 ? 0 : (double) accepted / drafted;
    }
}
