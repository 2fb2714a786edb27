package dev.ferret.llama;

import static java.lang.foreign.ValueLayout.JAVA_FLOAT;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import dev.ferret.llama.internal.LlamaH;
import dev.ferret.llama.internal.Structs;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A {@code llama_sampler} chain. Built with {@link #builder()}; each step is added in order and becomes owned
 * by the chain (only the chain is freed). The last step must select a token: {@code greedy()} or
 * {@code dist(seed)}.
 *
 * <p>With a grammar step, every native call that runs llama.cpp's grammar code (making the chain, sample, accept,
 * reset) runs on a {@link TokenizerThreads} thread, whose stack is known: that code recurses once per rule
 * reference it follows ({@code llama_grammar_advance_stack}, about 130 bytes a level), when the sampler is made and
 * for every token, and the caller's stack may be 1 MiB or less. {@link GbnfCheck} bounds the depth
 * ({@link GbnfCheck#MAX_DEPTH}) to a small part of that stack. The caller waits, as for tokenization.
 */
public final class SamplerChain implements AutoCloseable {
    private MemorySegment chain;
    private final List<String> steps;
    /** Whether a step is llama.cpp's grammar sampler: its calls then run on a {@link TokenizerThreads} thread. */
    private final boolean grammar;

    private SamplerChain(MemorySegment chain, List<String> steps) {
        this.chain = chain;
        this.steps = List.copyOf(steps);
        this.grammar = steps.contains("grammar");
    }

    public static Builder builder() {
        return new Builder();
    }

    private MemorySegment handle() {
        MemorySegment c = chain;
        if (c == null) {
            throw new LlamaException.Closed("sampler chain");
        }
        return c;
    }

    /**
     * Samples from the logits of batch index {@code idx} of the context's last decode (-1 = last) and accepts the
     * token. The row is checked first: llama.cpp's samplers assume finite logits, and with a NaN or an infinity in
     * the row greedy and dist can select a token the steps before them ruled out (a grammar's), which the grammar
     * then refuses to accept by aborting the process (b4916: "Unexpected empty grammar stack after accepting
     * piece"); a row without logits would be read through a null pointer.
     *
     * @throws LlamaException.Sampler when the row holds a NaN or an infinity (a model or adapter whose weights
     *         overflow or are corrupt); nothing was sampled or accepted, the chain is unchanged
     * @throws IllegalArgumentException when batch index {@code idx} has no logits
     */
    public int sample(LlamaContext ctx, int idx) {
        MemorySegment c = handle();
        checkFinite(ctx.logitsView(idx), idx);
        MemorySegment context = ctx.handle();
        if (grammar) {
            return TokenizerThreads.call(() -> LlamaH.llama_sampler_sample(c, context, idx));
        }
        return LlamaH.llama_sampler_sample(c, context, idx);
    }

    private static final int EXPONENT = 0x7f800000;

    /** Throws when a logit is NaN or infinite: those are the floats whose exponent bits are all set. */
    static void checkFinite(MemorySegment logits, int idx) {
        long n = logits.byteSize() / Float.BYTES;
        int max = 0;
        for (long i = 0; i < n; i++) {
            max = Math.max(max, logits.getAtIndex(JAVA_INT, i) & EXPONENT);
        }
        if (max != EXPONENT) {
            return;
        }
        int bad = 0;
        long first = -1;
        for (long i = 0; i < n; i++) {
            if (!Float.isFinite(logits.getAtIndex(JAVA_FLOAT, i))) {
                bad++;
                first = first < 0 ? i : first;
            }
        }
        throw new LlamaException.Sampler("the logits of batch index " + idx + " hold " + bad + " non-finite value(s) of "
                + n + " (first: token " + first + " = " + logits.getAtIndex(JAVA_FLOAT, first) + "); the model's weights,"
                + " or an adapter at this scale, overflow or are corrupt, and nothing can be sampled from them");
    }

    /** Tells stateful steps (penalties, grammar) that {@code token} was appended without sampling it here. */
    public void accept(int token) {
        MemorySegment c = handle();
        if (grammar) {
            TokenizerThreads.call(() -> {
                LlamaH.llama_sampler_accept(c, token);
                return null;
            });
        } else {
            LlamaH.llama_sampler_accept(c, token);
        }
    }

    /** Back to the state after building; the grammar step parses its grammar again (b4916). */
    public void reset() {
        MemorySegment c = handle();
        if (grammar) {
            TokenizerThreads.call(() -> {
                LlamaH.llama_sampler_reset(c);
                return null;
            });
        } else {
            LlamaH.llama_sampler_reset(c);
        }
    }

    /** The step names in order, as llama.cpp reports them for the steps we added. */
    public List<String> steps() {
        return steps;
    }

    @Override
    public void close() {
        MemorySegment c = chain;
        if (c != null) {
            chain = null;
            LlamaH.llama_sampler_free(c);
        }
    }

    /** Collects steps in Java, creating the native chain only in {@link #build()}, so nothing leaks on a bad step. */
    public static final class Builder {
        private final List<java.util.function.Supplier<MemorySegment>> steps = new ArrayList<>();
        private final List<String> names = new ArrayList<>();

        private Builder step(String name, java.util.function.Supplier<MemorySegment> make) {
            steps.add(make);
            names.add(name);
            return this;
        }

        public Builder topK(int k) {
            return step("top-k", () -> LlamaH.llama_sampler_init_top_k(k));
        }

        public Builder topP(float p, int minKeep) {
            return step("top-p", () -> LlamaH.llama_sampler_init_top_p(p, minKeep));
        }

        public Builder minP(float p, int minKeep) {
            return step("min-p", () -> LlamaH.llama_sampler_init_min_p(p, minKeep));
        }

        public Builder typical(float p, int minKeep) {
            return step("typical", () -> LlamaH.llama_sampler_init_typical(p, minKeep));
        }

        public Builder temperature(float t) {
            return step("temp", () -> LlamaH.llama_sampler_init_temp(t));
        }

        /** Repetition penalties over the last {@code lastN} tokens (1.0 / 0 / 0 = off). */
        public Builder penalties(int lastN, float repeat, float frequency, float presence) {
            return step("penalties", () -> LlamaH.llama_sampler_init_penalties(lastN, repeat, frequency, presence));
        }

        /** Adds {@code bias} to the logits of tokens; {@code Float.NEGATIVE_INFINITY} bans a token. */
        public Builder logitBias(int vocabSize, Map<Integer, Float> bias) {
            for (int t : bias.keySet()) {
                if (t < 0 || t >= vocabSize) {
                    throw new IllegalArgumentException("logit bias for token " + t + " outside the vocabulary [0, " + vocabSize + ")");
                }
            }
            Map<Integer, Float> copy = Map.copyOf(bias);
            return step("logit-bias", () -> {
                try (Arena a = Arena.ofConfined()) {
                    MemorySegment arr = a.allocate(Structs.LOGIT_BIAS, Math.max(1, copy.size()));
                    int i = 0;
                    for (var e : copy.entrySet()) {
                        arr.set(JAVA_INT, i * 8L, e.getKey());
                        arr.set(JAVA_FLOAT, i * 8L + 4, e.getValue());
                        i++;
                    }
                    return LlamaH.llama_sampler_init_logit_bias(vocabSize, copy.size(), arr);
                }
            });
        }

        /**
         * Constrains tokens to a GBNF grammar (llama.cpp's grammar sampler). The grammar is checked in Java
         * first ({@link GbnfCheck}): b4916 silently ignores a grammar it cannot parse, and recurses on the native
         * stack as deep as the grammar's rule references chain.
         */
        public Builder grammar(Vocab vocab, String gbnf, String root) {
            if (gbnf == null || gbnf.isBlank()) {
                throw new IllegalArgumentException("empty grammar");
            }
            GbnfCheck.check(gbnf, root);
            return step("grammar", () -> {
                try (Arena a = Arena.ofConfined()) {
                    return LlamaH.llama_sampler_init_grammar(vocab.handle(), a.allocateFrom(gbnf), a.allocateFrom(root));
                }
            });
        }

        public Builder greedy() {
            return step("greedy", LlamaH::llama_sampler_init_greedy);
        }

        public Builder dist(int seed) {
            return step("dist", () -> LlamaH.llama_sampler_init_dist(seed));
        }

        public SamplerChain build() {
            if (names.isEmpty() || !(names.getLast().equals("greedy") || names.getLast().equals("dist"))) {
                throw new IllegalStateException("a sampler chain must end with greedy() or dist(seed); steps: " + names);
            }
            LlamaBackend.get();
            // llama.cpp parses the grammar and makes its first stacks recursively: on a thread whose stack is known
            return names.contains("grammar") ? TokenizerThreads.call(this::buildHere) : buildHere();
        }

        private SamplerChain buildHere() {
            MemorySegment chain;
            try (Arena a = Arena.ofConfined()) {
                MemorySegment params = LlamaH.llama_sampler_chain_default_params(a);
                chain = LlamaH.llama_sampler_chain_init(params);
            }
            for (int i = 0; i < steps.size(); i++) {
                long mark = NativeLog.mark();
                MemorySegment s = steps.get(i).get();
                if (s.equals(MemorySegment.NULL)) {
                    LlamaH.llama_sampler_free(chain);
                    throw new LlamaException.Sampler(LlamaException.withLog("llama.cpp could not create the " + names.get(i) + " sampler", NativeLog.since(mark, 6)));
                }
                LlamaH.llama_sampler_chain_add(chain, s); // the chain owns it from here on
            }
            return new SamplerChain(chain, names);
        }
    }
}
