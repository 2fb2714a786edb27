package dev.ferret.engine;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One generation: how many tokens at most, how to sample, where to stop, and constraints.
 *
 * <p>Immutable (the collections are copied); thread-safe, and one request may serve many sessions at once.
 *
 * @param maxTokens    most tokens to generate (the stopping token not counted)
 * @param sampling     sampler settings
 * @param stopStrings  text that ends generation; the output stops just before it, and nothing after it is
 *                     decoded. EOG tokens of the vocabulary always stop, without being listed here.
 * @param bannedTokens token ids that are never sampled while any other token is possible (e.g. {@code <tool_call>}
 *                     to force an answer); under a grammar that allows nothing else, a banned token is still
 *                     taken rather than leaving no candidate
 * @param logitBias    extra bias per token id
 * @param grammar      GBNF grammar (root rule {@code root}) constraining the output, or null
 */
public record GenerationRequest(int maxTokens, SamplingOptions sampling, List<String> stopStrings,
                                Set<Integer> bannedTokens, Map<Integer, Float> logitBias, String grammar) {
    public GenerationRequest {
        if (maxTokens <= 0) {
            throw new IllegalArgumentException("maxTokens must be positive: " + maxTokens);
        }
        sampling = sampling == null ? SamplingOptions.greedy() : sampling;
        stopStrings = List.copyOf(stopStrings == null ? List.of() : stopStrings);
        bannedTokens = Set.copyOf(bannedTokens == null ? Set.of() : bannedTokens);
        logitBias = Map.copyOf(logitBias == null ? Map.of() : logitBias);
        if (grammar != null && grammar.isBlank()) {
            grammar = null;
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

    public GenerationRequest withMaxTokens(int n) {
        return new GenerationRequest(n, sampling, stopStrings, bannedTokens, logitBias, grammar);
    }
}
