package dev.ferret.engine;

import dev.ferret.llama.ContextParams;

/**
 * How a {@link ParallelContext} is sized. Checked here: a value out of range gives an
 * {@link IllegalArgumentException} naming it.
 *
 * @param sequences        sessions the context serves at once (llama.cpp sequences), 1 to {@link #MAX_SEQUENCES}
 * @param sequenceContext  tokens each session's cache may hold; 0 = the model's {@link Model#contextSize()};
 *                         else {@link ModelOptions#MIN_CONTEXT} to {@link ModelOptions#MAX_CONTEXT}
 * @param sharedPrefix     tokens every session is likely to start with (a system prompt with tool schemas),
 *                         evaluated once when the context opens and copied into each session that starts with
 *                         them ({@code llama_kv_self_seq_cp}, no second evaluation); empty for none
 */
public record ParallelOptions(int sequences, int sequenceContext, int[] sharedPrefix) {
    /** The most sequences: one is kept for the shared prefix, within llama.cpp's n_seq_max bound Ferret uses. */
    public static final int MAX_SEQUENCES = ContextParams.MAX_SEQUENCES - 1;

    public ParallelOptions {
        if (sequences < 1 || sequences > MAX_SEQUENCES) {
            throw new IllegalArgumentException("sequences must be 1 to " + MAX_SEQUENCES + ", got " + sequences);
        }
        if (sequenceContext != 0 && (sequenceContext < ModelOptions.MIN_CONTEXT || sequenceContext > ModelOptions.MAX_CONTEXT)) {
            throw new IllegalArgumentException("sequenceContext must be 0 (the model's context size) or " + ModelOptions.MIN_CONTEXT
                    + " to " + ModelOptions.MAX_CONTEXT + ", got " + sequenceContext);
        }
        sharedPrefix = sharedPrefix == null ? new int[0] : sharedPrefix.clone();
        if ((long) sequences * Math.max(sequenceContext, ModelOptions.MIN_CONTEXT) + sharedPrefix.length > ModelOptions.MAX_CONTEXT) {
            throw new IllegalArgumentException(sequences + " sequences of " + sequenceContext + " tokens exceed "
                    + ModelOptions.MAX_CONTEXT + " cells in one context");
        }
    }

    /** {@code sequences} sessions, each with the model's context size, no shared prefix. */
    public static ParallelOptions of(int sequences) {
        return new ParallelOptions(sequences, 0, new int[0]);
    }

    public ParallelOptions withSequenceContext(int tokens) {
        return new ParallelOptions(sequences, tokens, sharedPrefix);
    }

    public ParallelOptions withSharedPrefix(int[] tokens) {
        return new ParallelOptions(sequences, sequenceContext, tokens);
    }

    @Override
    public int[] sharedPrefix() {
        return sharedPrefix.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ParallelOptions p && p.sequences == sequences && p.sequenceContext == sequenceContext
                && java.util.Arrays.equals(p.sharedPrefix, sharedPrefix);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * sequences + sequenceContext) + java.util.Arrays.hashCode(sharedPrefix);
    }

    @Override
    public String toString() {
        return "ParallelOptions[sequences=" + sequences + ", sequenceContext=" + sequenceContext + ", sharedPrefix="
                + sharedPrefix.length + " tokens]";
    }
}
