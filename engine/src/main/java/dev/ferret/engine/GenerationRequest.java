package dev.ferret.engine;

import dev.ferret.llama.GbnfCheck;
import dev.ferret.llama.LlamaException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One generation: how many tokens at most, how to sample, where to stop, and constraints.
 *
 * <p>Immutable (the collections are copied); thread-safe, and one request may serve many sessions at once.
 * Every value is checked here: an out-of-range one gives an {@link IllegalArgumentException} naming it.
 *
 * @param maxTokens    most tokens to generate (the stopping token not counted), 1 to {@link #MAX_TOKENS}
 * @param sampling     sampler settings
 * @param stopStrings  text that ends generation; the output stops just before it, and nothing after it is
 *                     decoded. EOG tokens of the vocabulary always stop, without being listed here.
 * @param bannedTokens token ids that are never sampled while any other token is possible (e.g. {@code <tool_call>}
 *                     to force an answer); under a grammar that allows nothing else, a banned token is still
 *                     taken rather than leaving no candidate
 * @param logitBias    extra bias per token id (finite; ban a token with {@code bannedTokens})
 * @param grammar      GBNF grammar (root rule {@code root}) constraining the output, or null; one llama.cpp
 *                     would refuse is an {@link EngineException.InvalidGrammar} here
 */
public record GenerationRequest(int maxTokens, SamplingOptions sampling, List<String> stopStrings,
                                Set<Integer> bannedTokens, Map<Integer, Float> logitBias, String grammar) {
    /** The most tokens one generation may ask for: no context holds more ({@link ModelOptions#MAX_CONTEXT}). */
    public static final int MAX_TOKENS = ModelOptions.MAX_CONTEXT;

    public GenerationRequest {
        if (maxTokens < 1 || maxTokens > MAX_TOKENS) {
            throw new IllegalArgumentException("maxTokens must be 1 to " + MAX_TOKENS + ", got " + maxTokens);
        }
        sampling = sampling == null ? SamplingOptions.greedy() : sampling;
        stopStrings = List.copyOf(stopStrings == null ? List.of() : stopStrings);
        for (String stop : stopStrings) {
            if (stop.isEmpty()) {
                throw new IllegalArgumentException("stopStrings must not contain an empty string (it would match at once)");
            }
        }
        bannedTokens = Set.copyOf(bannedTokens == null ? Set.of() : bannedTokens);
        for (int t : bannedTokens) {
            if (t < 0) {
                throw new IllegalArgumentException("bannedTokens must hold token ids (not negative), got " + t);
            }
        }
        logitBias = Map.copyOf(logitBias == null ? Map.of() : logitBias);
        logitBias.forEach((t, bias) -> {
            if (t < 0) {
                throw new IllegalArgumentException("logitBias must be keyed by token ids (not negative), got " + t);
            }
            if (!Float.isFinite(bias)) {
                throw new IllegalArgumentException("logitBias must be finite, got " + bias + " for token " + t
                        + " (ban a token with bannedTokens)");
            }
        });
        if (grammar != null && grammar.isBlank()) {
            grammar = null;
        }
        if (grammar != null) {
            try {
                GbnfCheck.check(grammar, "root");
            } catch (LlamaException e) {
                throw new EngineException.InvalidGrammar(e.getMessage(), e);
            }
        }
    }

    public static GenerationRequest greedy(int maxTokens) {
        return new GenerationRequest(maxTokens, SamplingOptions.greedy(), List.of(), Set.of(), Map.of(), null);
    }

    public GenerationRequest withStops(List<String> stops) {
        return new GenerationRequest(maxTokens, sampling, stops, bannedTokens, logitBias, grammar);
    }

    public GenerationRequest withBanned(Set<Integer> banned) {
        return new GenerationRequest(maxTokens, sampling, stopStrings, banned, logitBias, grammar);
    }

    public GenerationRequest withGrammar(String gbnf) {
        return new GenerationRequest(maxTokens, sampling, stopStrings, bannedTokens, logitBias, gbnf);
    }

    public GenerationRequest withSampling(SamplingOptions s) {
        return new GenerationRequest(maxTokens, s, stopStrings, bannedTokens, logitBias, grammar);
    }
}
