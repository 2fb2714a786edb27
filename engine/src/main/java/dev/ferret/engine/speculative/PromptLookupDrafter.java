package dev.ferret.engine.speculative;

import java.util.Arrays;

/**
 * Prompt lookup (n-gram) drafting: no second model. Finds the most recent earlier occurrence of the longest
 * suffix n-gram of the context (from {@code maxNgram} down to {@code minNgram} tokens) and proposes the tokens
 * that followed it. Answers that copy file and class names out of tool results are where it pays off.
 */
public final class PromptLookupDrafter implements Drafter {
    private final int minNgram;
    private final int maxNgram;
    private final SpeculativeOptions options;

    /** With {@link SpeculativeOptions#lookupDefaults()}: up to 16 tokens, adaptive. */
    public PromptLookupDrafter(int minNgram, int maxNgram) {
        this(minNgram, maxNgram, SpeculativeOptions.lookupDefaults());
    }

    public PromptLookupDrafter(int minNgram, int maxNgram, SpeculativeOptions options) {
        if (minNgram < 1 || maxNgram < minNgram) {
            throw new IllegalArgumentException("need 1 <= minNgram <= maxNgram, got " + minNgram + ", " + maxNgram);
        }
        this.minNgram = minNgram;
        this.maxNgram = maxNgram;
        this.options = java.util.Objects.requireNonNull(options, "options");
    }

    /** n-grams of 1 to 4 tokens, as llama.cpp's lookup uses, with the lookup defaults. */
    public PromptLookupDrafter() {
        this(1, 4);
    }

    @Override
    public SpeculativeOptions options() {
        return options;
    }

    @Override
    public int[] draft(int[] ctx, int max) {
        int len = ctx.length;
        if (max <= 0) {
            return new int[0];
        }
        for (int n = Math.min(maxNgram, len - 1); n >= minNgram; n--) {
            int suffix = len - n;
            // search backwards for the most recent earlier occurrence of ctx[suffix..len)
            for (int start = suffix - 1; start >= 0; start--) {
                if (matches(ctx, start, suffix, n)) {
                    int from = start + n;
                    int count = Math.min(max, len - from);
                    if (count > 0) {
                        return Arrays.copyOfRange(ctx, from, from + count);
                    }
                }
            }
        }
        return new int[0];
    }

    private static boolean matches(int[] ctx, int a, int b, int n) {
        for (int i = 0; i < n; i++) {
            if (ctx[a + i] != ctx[b + i]) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String name() {
        return "prompt-lookup";
    }
}
