package dev.ferret.engine;

/**
 * The result of one generation.
 *
 * <p>Immutable except for the {@code tokens} array it hands out: safe to pass between threads; do not change
 * the array.
 *
 * @param text             the output, ending before any stop string or EOG token
 * @param tokens           the generated token ids that were kept (the EOG token is not included; the
 *                         tokens completing a stop string are)
 * @param finishReason     why it ended
 * @param stopString       the stop string that matched, or null
 * @param promptTokens     tokens in the prompt
 * @param reusedTokens     prompt tokens already in the KV cache (not evaluated again)
 * @param decodedTokens    tokens run through the model during this call (prompt part + generated part)
 * @param promptMillis     time to evaluate the prompt
 * @param generateMillis   time from first to last generated token
 * @param speculative      speculative-decoding statistics, or {@link SpecStats#NONE}
 */
public record Generation(String text, int[] tokens, FinishReason finishReason, String stopString,
                         int promptTokens, int reusedTokens, int decodedTokens,
                         double promptMillis, double generateMillis, SpecStats speculative) {

    public int generatedTokens() {
        return tokens.length;
    }

    /** Generated tokens per second (0 when none). */
    public double tokensPerSecond() {
        return generateMillis <= 0 ? 0 : tokens.length * 1000.0 / generateMillis;
    }
}
