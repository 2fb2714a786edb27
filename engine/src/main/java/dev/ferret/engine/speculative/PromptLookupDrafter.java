package dev.ferret.engine.speculative;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Prompt lookup (n-gram) drafting: no second model. For the next position it takes the last {@code n} tokens
 * ({@code n} from {@code maxNgram} down to {@code minNgram}), looks at what followed every earlier occurrence of
 * them in the context, and proposes the most frequent continuation if it is frequent enough: for one-token
 * n-grams it must have followed at least twice and in two thirds of the cases, for longer ones once and in at
 * least half (ties go to the most recent). Then it continues from the proposed token, up to the budget. Answers
 * that copy file and class names out of tool results are where it pays off.
 *
 * <p>The counts are kept in an index that grows with the context (the decoding loop only ever appends to it
 * within a generation), so a proposal costs a few hash look-ups per token, not a scan of the context. A context
 * that does not extend the previous one rebuilds the index. N-grams are hashed to 64 bits; a collision can only
 * make a worse proposal, never change the output.
 *
 * <p>Not thread-safe: the index belongs to the context it last saw, so an instance serves one generation at a
 * time (make one per session).
 */
public final class PromptLookupDrafter implements Drafter {
    private final int minNgram;
    private final int maxNgram;
    private final SpeculativeOptions options;
    private int[] tokens = new int[256];
    private int size;
    /** n-gram hash (n mixed in) to the tokens that followed it. */
    private final Map<Long, Followers> index = new HashMap<>();

    /** With {@link SpeculativeOptions#lookupDefaults()}: up to 16 tokens, adaptive. */
    public PromptLookupDrafter(int minNgram, int maxNgram) {
        this(minNgram, maxNgram, SpeculativeOptions.lookupDefaults());
    }

    public PromptLookupDrafter(int minNgram, int maxNgram, SpeculativeOptions options) {
        if (minNgram < 1 || maxNgram < minNgram || maxNgram > 16) {
            throw new IllegalArgumentException("need 1 <= minNgram <= maxNgram <= 16, got " + minNgram + ", " + maxNgram);
        }
        this.minNgram = minNgram;
        this.maxNgram = maxNgram;
        this.options = java.util.Objects.requireNonNull(options, "options");
    }

    /** n-grams of 1 to 4 tokens, with the lookup defaults. */
    public PromptLookupDrafter() {
        this(1, 4);
    }

    @Override
    public SpeculativeOptions options() {
        return options;
    }

    @Override
    public int[] draft(int[] ctx, int max) {
        if (max <= 0 || ctx.length == 0) {
            return new int[0];
        }
        sync(ctx);
        int[] seq = Arrays.copyOf(ctx, ctx.length + max);
        int len = ctx.length;
        while (len < ctx.length + max) {
            int next = propose(seq, len);
            if (next < 0) {
                break;
            }
            seq[len++] = next;
        }
        return Arrays.copyOfRange(seq, ctx.length, len);
    }

    /** The continuation of seq[0..len) by the longest n-gram whose followers agree enough, or -1. */
    private int propose(int[] seq, int len) {
        for (int n = Math.min(maxNgram, len); n >= minNgram; n--) {
            Followers f = index.get(key(seq, len - n, n));
            if (f == null) {
                continue;
            }
            int best = f.best();
            int count = f.counts[best];
            boolean frequent = n == 1 ? count >= 2 && 3 * count >= 2 * f.total : 2 * count >= f.total;
            if (frequent) {
                return f.tokens[best];
            }
        }
        return -1;
    }

    /** Makes the index describe exactly {@code ctx}: appends what is new, or rebuilds when it diverged. */
    private void sync(int[] ctx) {
        int common = 0;
        int max = Math.min(size, ctx.length);
        while (common < max && tokens[common] == ctx[common]) {
            common++;
        }
        if (common < size) {
            index.clear();
            size = 0;
        }
        if (tokens.length < ctx.length) {
            tokens = Arrays.copyOf(tokens, Math.max(ctx.length, tokens.length * 2));
        }
        for (int i = size; i < ctx.length; i++) {
            tokens[i] = ctx[i];
            // tokens[i] follows the n-grams that end just before it
            for (int n = minNgram; n <= maxNgram && n <= i; n++) {
                index.computeIfAbsent(key(tokens, i - n, n), k -> new Followers()).add(tokens[i], i);
            }
        }
        size = ctx.length;
    }

    private static long key(int[] a, int from, int n) {
        long h = 0x9E37_79B9_7F4A_7C15L * (n + 1);
        for (int i = from; i < from + n; i++) {
            h = (h ^ (a[i] & 0xFFFF_FFFFL)) * 0xBF58_476D_1CE4_E5B9L;
            h ^= h >>> 31;
        }
        return h;
    }

    /** The distinct tokens seen after one n-gram, with their counts and last positions. */
    private static final class Followers {
        int[] tokens = new int[2];
        int[] counts = new int[2];
        int[] last = new int[2];
        int distinct;
        int total;

        void add(int token, int position) {
            total++;
            for (int i = 0; i < distinct; i++) {
                if (tokens[i] == token) {
                    counts[i]++;
                    last[i] = position;
                    return;
                }
            }
            if (distinct == tokens.length) {
                tokens = Arrays.copyOf(tokens, distinct * 2);
                counts = Arrays.copyOf(counts, distinct * 2);
                last = Arrays.copyOf(last, distinct * 2);
            }
            tokens[distinct] = token;
            counts[distinct] = 1;
            last[distinct] = position;
            distinct++;
        }

        /** The most frequent follower; the most recent among equals. */
        int best() {
            int b = 0;
            for (int i = 1; i < distinct; i++) {
                if (counts[i] > counts[b] || (counts[i] == counts[b] && last[i] > last[b])) {
                    b = i;
                }
            }
            return b;
        }
    }

    @Override
    public String name() {
        return "prompt-lookup";
    }
}
