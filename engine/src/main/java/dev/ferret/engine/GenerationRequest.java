package dev.ferret.engine;

import dev.ferret.llama.GbnfCheck;
import dev.ferret.llama.LlamaException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
 *                     decoded. EOG tokens of the vocabulary always stop, without being listed here. No null or
 *                     empty entries.
 * @param bannedTokens token ids that are never sampled while any other token is possible (e.g. {@code <tool_call>}
 *                     to force an answer); under a grammar that allows nothing else, a banned token is still
 *                     taken rather than leaving no candidate. An id outside the model's vocabulary is an
 *                     {@link IllegalArgumentException} naming {@code bannedTokens} when generation starts.
 * @param logitBias    extra bias per token id (finite; ban a token with {@code bannedTokens})
 * @param grammar      GBNF grammar (root rule {@code root}) constraining the output, or null; one llama.cpp
 *                     would refuse, or could not run safely (left recursion, rule references nested deeper than
 *                     {@link dev.ferret.llama.GbnfCheck#MAX_DEPTH}, groups deeper than
 *                     {@link dev.ferret.llama.GbnfGrammar#MAX_NESTING}; see {@link dev.ferret.llama.GbnfCheck}),
 *                     is an {@link EngineException.InvalidGrammar} here naming the problem
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
        // nulls are named here: the copies below would throw a bare NullPointerException
        List<String> stops = stopStrings == null ? List.of() : new ArrayList<>(stopStrings);
        for (int i = 0; i < stops.size(); i++) {
            if (stops.get(i) == null) {
                throw new IllegalArgumentException("stopStrings must not contain null, got it at index " + i);
            }
            if (stops.get(i).isEmpty()) {
                throw new IllegalArgumentException("stopStrings must not contain an empty string (it would match at once),"
                        + " got one at index " + i);
            }
        }
        stopStrings = List.copyOf(stops);
        if (bannedTokens != null && bannedTokens.stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException("bannedTokens must not contain null");
        }
        bannedTokens = Set.copyOf(bannedTokens == null ? Set.of() : bannedTokens);
        for (int t : bannedTokens) {
            if (t < 0) {
                throw new IllegalArgumentException("bannedTokens must hold token ids (not negative), got " + t);
            }
        }
        if (logitBias != null) {
            logitBias.forEach((t, bias) -> {
                if (t == null || bias == null) {
                    throw new IllegalArgumentException("logitBias must not hold null " + (t == null ? "keys" : "values, got one for token " + t));
                }
            });
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
