package dev.ferret.engine;

/**
 * How the next token is chosen. {@code temperature == 0} means greedy (deterministic); otherwise top-k,
 * top-p and min-p filter the candidates before a seeded random draw.
 *
 * <p>Immutable; thread-safe. Every value is checked here (NaN included): an out-of-range one gives an
 * {@link IllegalArgumentException} naming it and its range.
 *
 * @param temperature   0 (greedy) to {@link #MAX_TEMPERATURE}
 * @param topK          0 (off) or the number of most likely tokens kept
 * @param topP          in (0, 1]; 1 = off
 * @param minP          in [0, 1]; 0 = off
 * @param repeatPenalty in (0, {@link #MAX_PENALTY}]; 1 = off
 * @param repeatLastN   tokens the penalty looks back over, -1 to {@link ModelOptions#MAX_CONTEXT} (-1 and 0 = none)
 * @param seed          of the random draw
 */
public record SamplingOptions(float temperature, int topK, float topP, float minP,
                              float repeatPenalty, int repeatLastN, int seed) {
    /** Highest temperature: far past where sampling is uniform noise; bounds typos like 1e9. */
    public static final float MAX_TEMPERATURE = 100f;
    /** Highest repetition penalty (llama.cpp divides logits by it). */
    public static final float MAX_PENALTY = 100f;

    public SamplingOptions {
        // written as !(inside) so that NaN, which fails every comparison, is refused too
        if (!(temperature >= 0 && temperature <= MAX_TEMPERATURE)) {
            throw new IllegalArgumentException("temperature must be 0 (greedy) to " + MAX_TEMPERATURE + ", got " + temperature);
        }
        if (topK < 0) {
            throw new IllegalArgumentException("topK must be 0 (off) or positive, got " + topK);
        }
        if (!(topP > 0 && topP <= 1)) {
            throw new IllegalArgumentException("topP must be in (0, 1], got " + topP);
        }
        if (!(minP >= 0 && minP <= 1)) {
            throw new IllegalArgumentException("minP must be in [0, 1], got " + minP);
        }
        if (!(repeatPenalty > 0 && repeatPenalty <= MAX_PENALTY)) {
            throw new IllegalArgumentException("repeatPenalty must be in (0, " + MAX_PENALTY + "], got " + repeatPenalty);
        }
        if (repeatLastN < -1 || repeatLastN > ModelOptions.MAX_CONTEXT) {
            throw new IllegalArgumentException("repeatLastN must be -1 to " + ModelOptions.MAX_CONTEXT + ", got " + repeatLastN);
        }
    }

    public static SamplingOptions greedy() {
        return new SamplingOptions(0f, 0, 1f, 0f, 1f, 64, 0);
    }

    /** llama.cpp's usual defaults (temperature 0.8, top-k 40, top-p 0.95, min-p 0.05). */
    public static SamplingOptions defaults(int seed) {
        return new SamplingOptions(0.8f, 40, 0.95f, 0.05f, 1f, 64, seed);
    }

    /**
     * What a command-line {@code --temp T} means: greedy for 0, else {@link #defaults(int)} at temperature
     * {@code t}; a negative, NaN or absurd {@code t} is refused like in the constructor.
     */
    public static SamplingOptions forTemperature(float t, int seed) {
        if (t == 0) {
            return greedy();
        }
        SamplingOptions d = defaults(seed);
        return new SamplingOptions(t, d.topK, d.topP, d.minP, d.repeatPenalty, d.repeatLastN, seed);
    }

    public boolean isGreedy() {
        return temperature == 0;
    }

    public SamplingOptions withRepeatPenalty(float penalty, int lastN) {
        return new SamplingOptions(temperature, topK, topP, minP, penalty, lastN, seed);
    }
}
