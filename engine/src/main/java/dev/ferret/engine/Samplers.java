package dev.ferret.engine;

import dev.ferret.llama.LlamaContext;
import dev.ferret.llama.LlamaException;
import dev.ferret.llama.SamplerChain;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Builds the llama.cpp sampler chain of a {@link GenerationRequest}; shared by {@link Session} and {@link ParallelSession}. */
final class Samplers {
    /** Logit bias of a banned token: no real logit comes near it, and it is still finite. */
    static final float BANNED = -1e9f;

    private Samplers() {}

    /** A new chain for one generation (the caller closes it); a grammar llama.cpp refuses is an IllegalArgumentException. */
    static SamplerChain chain(Model model, GenerationRequest r) {
        SamplerChain.Builder b = SamplerChain.builder();
        int vocab = model.vocabSize();
        // the request checked the ids' sign; the vocabulary is the model's: name what the caller gave
        outside("bannedTokens", r.bannedTokens(), vocab);
        outside("logitBias", r.logitBias().keySet(), vocab);
        Map<Integer, Float> bias = new HashMap<>(r.logitBias());
        for (int t : r.bannedTokens()) {
            // a huge finite penalty rather than -inf: if a grammar leaves only banned tokens, one of them is
            // still chosen, instead of an empty candidate set, which makes llama.cpp b4916 abort the process
            bias.put(t, BANNED);
        }
        if (!bias.isEmpty()) {
            b.logitBias(vocab, bias);
        }
        SamplingOptions s = r.sampling();
        if (s.repeatPenalty() != 1f) {
            b.penalties(s.repeatLastN(), s.repeatPenalty(), 0f, 0f);
        }
        if (r.grammar() != null) {
            try {
                b.grammar(model.vocab(), r.grammar(), "root");
            } catch (LlamaException e) {
                // checked in Java before llama.cpp sees it (GenerationRequest); a bad grammar is a bad request
                throw new EngineException.InvalidGrammar(e.getMessage(), e);
            }
        }
        if (s.isGreedy()) {
            b.greedy();
        } else {
            if (s.topK() > 0) {
                b.topK(s.topK());
            }
            if (s.topP() < 1f) {
                b.topP(s.topP(), 1);
            }
            if (s.minP() > 0f) {
                b.minP(s.minP(), 1);
            }
            b.temperature(s.temperature()).dist(s.seed());
        }
        try {
            return b.build();
        } catch (LlamaException e) {
            // the grammar is the one step llama.cpp may refuse for what it holds (the Java check refuses what b4916
            // is known to refuse, but a newer library may refuse more); the other steps' values were checked with
            // the request
            if (r.grammar() != null && e.getMessage().contains("the grammar sampler")) {
                throw new EngineException.InvalidGrammar(e.getMessage(), e);
            }
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** Throws naming the request's field and the ids in it outside the vocabulary [0, {@code vocab}). */
    private static void outside(String field, Set<Integer> ids, int vocab) {
        List<Integer> bad = ids.stream().filter(t -> t >= vocab).sorted().toList();
        if (!bad.isEmpty()) {
            throw new IllegalArgumentException(field + " holds token id" + (bad.size() == 1 ? " " : "s ")
                    + (bad.size() > 5 ? bad.subList(0, 5) + " ..." : bad.size() == 1 ? bad.getFirst() : bad)
                    + " outside this model's vocabulary [0, " + vocab + ")");
        }
    }

    /**
     * Samples batch index {@code idx} (-1: the last) of {@code ctx}'s last decode and accepts the token. A logits row
     * with a NaN or an infinity (weights or an adapter that overflow or are corrupt) is
     * {@link EngineException.InvalidModel} naming the model: llama.cpp would pick a token the grammar forbids and
     * abort the process.
     */
    static int sample(SamplerChain chain, LlamaContext ctx, int idx, Model model) {
        try {
            return chain.sample(ctx, idx);
        } catch (LlamaException.Sampler e) {
            throw new EngineException.InvalidModel(model.path().getFileName() + " (with its adapters, if any): " + e.getMessage(), e);
        }
    }

    /** Feeds the prompt's tail to the chain's repetition penalty, as llama.cpp's common sampler does. */
    static void acceptPromptTail(SamplerChain chain, GenerationRequest request, int[] prompt) {
        if (request.sampling().repeatPenalty() != 1f && request.grammar() == null) {
            int from = Math.max(0, prompt.length - Math.max(0, request.sampling().repeatLastN()));
            for (int i = from; i < prompt.length; i++) {
                chain.accept(prompt[i]);
            }
        }
    }
}
