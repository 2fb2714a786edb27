package dev.ferret.engine.speculative;

import dev.ferret.engine.EngineException;
import dev.ferret.engine.Model;
import dev.ferret.engine.Session;
import java.util.Arrays;
import java.util.List;

/**
 * Drafting with a smaller model of the same vocabulary: it continues the context greedily in its own session
 * (reusing its KV cache across calls) and stops early when its own confidence drops below
 * {@link SpeculativeOptions#pMin()}. Proposals shorter than {@code minDraft} are dropped by the decoding loop.
 * The vocabularies are compared token by token when the drafter is made; a draft model with another
 * vocabulary is refused, since its token ids would mean other text.
 *
 * <p>Owns a session on the draft model, so it is used like one: by one generation at a time. Closing the draft
 * model (or this drafter) from another thread while the target generates ends that generation with {@code
 * EngineException.Closed} naming the draft model; the target session stays usable.
 */
public final class DraftModelDrafter implements Drafter {
    /**
     * How much the two vocabularies' sizes may differ, as in llama.cpp ({@code common/speculative.cpp}): models
     * of one family pad their embeddings differently, e.g. Qwen2.5-Coder-0.5B has 151,936 rows and the 7B 152,064
     * for the same 151,665 tokens.
     */
    public static final int MAX_VOCAB_SIZE_DIFFERENCE = 128;

    private final Session session;
    private final SpeculativeOptions options;
    private final int targetVocab;

    /**
     * @param draft       the draft model (caller keeps ownership)
     * @param target      the target model, for the vocabulary check
     * @param contextSize KV cells of the draft's own session (at least the target session's context)
     * @param options     draft lengths, the draft's confidence cut-off ({@code pMin}) and adaptivity
     */
    public DraftModelDrafter(Model draft, Model target, int contextSize, SpeculativeOptions options) {
        checkCompatible(draft, target);
        this.options = java.util.Objects.requireNonNull(options, "options");
        this.targetVocab = target.vocabSize();
        this.session = draft.newSession(contextSize);
    }

    /**
     * Up to 16 tokens a step, adaptive ({@link SpeculativeOptions#defaults()} with these two settings).
     *
     * @param minDraft proposals shorter than this are dropped (not worth a batch)
     * @param minProb  stop drafting when the draft's top probability falls below this
     */
    public DraftModelDrafter(Model draft, Model target, int contextSize, int minDraft, float minProb) {
        this(draft, target, contextSize, SpeculativeOptions.defaults().withMinDraft(Math.max(0, Math.min(16, minDraft)))
                .withPMin(Math.max(0f, minProb)));
    }

    /**
     * Same tokenizer model, same special tokens, the same token list up to the shorter one's end, and sizes within
     * {@link #MAX_VOCAB_SIZE_DIFFERENCE} of each other.
     */
    public static void checkCompatible(Model draft, Model target) {
        var d = draft.gguf();
        var t = target.gguf();
        String why = null;
        if (!d.getString("tokenizer.ggml.model", "").equals(t.getString("tokenizer.ggml.model", ""))) {
            why = "tokenizer types differ";
        } else if (Math.abs(draft.vocabSize() - target.vocabSize()) > MAX_VOCAB_SIZE_DIFFERENCE) {
            why = "vocabulary sizes differ by more than " + MAX_VOCAB_SIZE_DIFFERENCE + " (" + draft.vocabSize()
                    + " vs " + target.vocabSize() + ")";
        } else if (d.getInt("tokenizer.ggml.eos_token_id", -1) != t.getInt("tokenizer.ggml.eos_token_id", -1)
                || d.getInt("tokenizer.ggml.bos_token_id", -1) != t.getInt("tokenizer.ggml.bos_token_id", -1)
                || d.getBool("tokenizer.ggml.add_bos_token", false) != t.getBool("tokenizer.ggml.add_bos_token", false)) {
            why = "special token ids differ";
        } else {
            List<String> a = d.getStringArray("tokenizer.ggml.tokens");
            List<String> b = t.getStringArray("tokenizer.ggml.tokens");
            for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
                if (!a.get(i).equals(b.get(i))) {
                    why = "token " + i + " differs ('" + a.get(i) + "' vs '" + b.get(i) + "')";
                    break;
                }
            }
        }
        if (why != null) {
            throw new EngineException.IncompatibleDraft("draft model " + draft.path().getFileName()
                    + " cannot draft for " + target.path().getFileName() + ": " + why);
        }
    }

    @Override
    public int[] draft(int[] context, int max) {
        return draft(context, max, options.pMin());
    }

    @Override
    public int[] draft(int[] context, int max, float pMin) {
        if (max <= 0 || context.length + max + 1 >= session.contextSize()) {
            return new int[0];
        }
        int[] out = new int[max];
        int n = 0;
        // the cache already holds what was drafted and accepted before; only the rest is evaluated
        session.prefill(context);
        while (n < max) {
            // the probability only matters with a cut-off; without one the greedy token is enough
            int token;
            if (pMin > 0) {
                Session.Top top = session.top();
                if (top.probability() < pMin) {
                    break;
                }
                token = top.token();
            } else {
                token = session.topToken();
            }
            if (session.model().isEndOfGeneration(token) || token >= targetVocab) { // a padding row the target lacks cannot be verified
                break;
            }
            out[n++] = token;
            if (n < max) {
                session.append(token);
            }
        }
        return Arrays.copyOf(out, n);
    }

    /** Evaluates the prompt on the draft model now (prompt time); {@link #draft} then evaluates only what follows. */
    @Override
    public void begin(int[] prompt) {
        if (prompt.length > 0 && prompt.length + 1 < session.contextSize()) {
            session.prefill(prompt);
        }
    }

    @Override
    public SpeculativeOptions options() {
        return options;
    }

    @Override
    public String name() {
        return "draft-model";
    }

    @Override
    public void close() {
        session.close();
    }
}
