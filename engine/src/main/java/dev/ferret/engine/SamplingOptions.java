package dev.ferret.engine;

/**
 * How the next token is chosen. {@code temperature <= 0} means greedy (deterministic); otherwise top-k,
 * top-p and min-p filter the candidates before a seeded random draw.
 *
 * <p>Immutable; thread-safe.
 */
public record SamplingOptions(float temperature, int topK, float topP, float minP,
                              float repeatPenalty, int repeatLastN, int seed) {
    public SamplingOptions {
        if (Float.isNaN(temperature) || topK < 0 || topP <= 0 || topP > 1 || minP < 0 || minP > 1
                || repeatPenalty <= 0 || repeatLastN < -1) {
            throw new IllegalArgumentException("invalid sampling options: temperature=" + temperature + " topK=" + topK
                    + " topP=" + topP + " minP=" + minP + " repeatPenalty=" + repeatPenalty + " repeatLastN=" + repeatLastN);
        }
    }

    public static SamplingOptions greedy() {
        return new SamplingOptions(0f, 0, 1f, 0f, 1f, 64, 0);
    }

    /** llama.cpp's usual defaults (temperature 0.8, top-k 40, top-p 0.95, min-p 0.05). */
    public static SamplingOptions defaults(int seed) {
        return new SamplingOptions(0.8f, 40, 0.95f, 0.05f, 1f, 64, seed);
    }

    public boolean isGreedy() {
        return temperature <= 0;
    }

    public SamplingOptions withRepeatPenalty(float penalty, int lastN) {
        return new SamplingOptions(temperature, topK, topP, minP, penalty, lastN, seed);
    }
}
