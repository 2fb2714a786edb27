package dev.ferret.engine;

import dev.ferret.engine.sampling.StopMatcher;
import dev.ferret.engine.sampling.Utf8Decoder;
import dev.ferret.engine.speculative.Drafter;
import dev.ferret.llama.Batch;
import dev.ferret.llama.LlamaContext;
import dev.ferret.llama.LlamaException;
import dev.ferret.llama.SamplerChain;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One conversation: a KV cache (sequence 0 of a llama.cpp context) and the tokens it holds. Each
 * {@link #generate} reuses the longest common prefix of the new prompt with what the cache already holds,
 * evaluating only the rest; when the history diverges, the cache is cut at the first difference.
 *
 * <p>Stopping happens inside the decoding loop: an end-of-generation token ends the loop before it is
 * decoded, and a stop string ends it on the token that completes it, which is not decoded either.
 * Not thread-safe: one thread at a time.
 *
 * <p>Each session owns its own llama.cpp context. Sharing a prefix between sessions with
 * {@code llama_kv_self_seq_cp} would need the sessions to be sequences of one context, and a context can only
 * be used by one thread at a time, so sessions could no longer run in parallel. Ferret keeps sessions
 * independent instead, and shares a fixed prefix through {@link dev.ferret.engine.kv.PrefixCache}: the
 * prefix is prefilled once, and every other session or process restores its saved state. The raw
 * sequence operations are still there in {@code dev.ferret.llama.LlamaContext} (kvCopy, kvKeep, and so on)
 * for callers who want several sequences in one context.
 */
public final class Session implements KvSession {
    private final Model model;
    private final LlamaContext ctx;
    private final Batch batch;
    private final int nCtx;
    private int[] history = new int[64];
    private int historySize;
    private final Map<Adapter, Float> adapters = new LinkedHashMap<>();
    private long totalDecoded;
    private boolean closed;

    Session(Model model, LlamaContext ctx) {
        this.model = model;
        this.ctx = ctx;
        this.nCtx = ctx.contextSize();
        this.batch = new Batch(ctx.batchSize(), 1);
    }

    private void open() {
        if (closed) {
            throw new EngineException.Closed("session");
        }
        model.llama();
        // an adapter closed elsewhere was detached from the context; the cache holds its effect
        if (!adapters.isEmpty() && adapters.keySet().removeIf(a -> !a.isOpen())) {
            ctx.kvClear();
            historySize = 0;
        }
    }

    public Model model() {
        return model;
    }

    /** Tokens this session's KV cache holds. */
    public int contextSize() {
        return nCtx;
    }

    /** The tokens currently in the KV cache, in order. */
    public int[] history() {
        return Arrays.copyOf(history, historySize);
    }

    /** Tokens run through the model by this session since it was made. */
    public long totalDecodedTokens() {
        return totalDecoded;
    }

    /** Largest position in the KV cache (-1 when empty); equals {@code history().length - 1}. */
    public int kvPosMax() {
        open();
        // b4916 answers 0 for an empty sequence; the used-cell count tells the two apart
        return ctx.kvUsedCells() == 0 ? -1 : ctx.kvPosMax(0);
    }

    /** Forgets the conversation (clears the KV cache). */
    public void reset() {
        open();
        ctx.kvClear();
        historySize = 0;
    }

    // --- adapters ---------------------------------------------------------------------------------

    /**
     * Applies an adapter of this session's model at {@code scale} (0 = no effect). The KV cache was computed
     * with the old weights, so it is cleared.
     */
    public void setAdapter(Adapter adapter, float scale) {
        open();
        if (adapter.model() != model) {
            throw new EngineException.IncompatibleAdapter("adapter " + adapter.path().getFileName() + " was loaded on another model", null);
        }
        var lora = adapter.lora(); // throws if the adapter was closed
        Float old = adapters.get(adapter);
        if (old != null && old == scale) {
            return;
        }
        try {
            ctx.setAdapter(lora, scale);
        } catch (LlamaException e) {
            throw new EngineException.Native(e.getMessage(), e);
        }
        adapters.put(adapter, scale);
        reset();
    }

    public void removeAdapter(Adapter adapter) {
        open();
        if (adapters.remove(adapter) != null) {
            ctx.removeAdapter(adapter.lora());
            reset();
        }
    }

    public void clearAdapters() {
        open();
        if (!adapters.isEmpty()) {
            ctx.clearAdapters();
            adapters.clear();
            reset();
        }
    }

    public Map<Adapter, Float> adapters() {
        return Map.copyOf(adapters);
    }

    // --- evaluation -------------------------------------------------------------------------------

    /**
     * Makes the KV cache hold exactly {@code tokens}, reusing the common prefix, and returns the logits after
     * the last token plus how many tokens were reused and evaluated.
     */
    public Prefill prefill(int[] tokens) {
        open();
        if (tokens.length == 0) {
            throw new IllegalArgumentException("empty prompt");
        }
        if (tokens.length >= nCtx) {
            throw new EngineException.ContextOverflow(tokens.length + 1, nCtx, "prompt of " + tokens.length + " tokens plus one generated token");
        }
        int vocab = model.vocabSize();
        for (int i = 0; i < tokens.length; i++) {
            if (tokens[i] < 0 || tokens[i] >= vocab) {
                throw new IllegalArgumentException("prompt token " + tokens[i] + " at " + i + " is outside the vocabulary [0, " + vocab + ")");
            }
        }
        int common = 0;
        int max = Math.min(historySize, tokens.length);
        while (common < max && history[common] == tokens[common]) {
            common++;
        }
        // the last prompt token must be evaluated again to get logits for it
        int keep = Math.min(common, tokens.length - 1);
        truncate(keep);
        int evaluated = 0;
        for (int start = keep; start < tokens.length; start += batch.capacity()) {
            int end = Math.min(tokens.length, start + batch.capacity());
            batch.clear();
            for (int i = start; i < end; i++) {
                batch.add(tokens[i], i, 0, i == tokens.length - 1);
            }
            decode();
            for (int i = start; i < end; i++) {
                push(tokens[i]);
            }
            evaluated += end - start;
        }
        return new Prefill(keep, evaluated);
    }

    /** How a prefill went: tokens reused from the cache, tokens evaluated now. */
    public record Prefill(int reused, int evaluated) {}

    /** Logits after the last evaluated token (a copy). */
    public float[] logits() {
        open();
        return ctx.logits(-1);
    }

    private void truncate(int n) {
        if (n < historySize) {
            if (!ctx.kvRemove(0, n, -1)) {
                ctx.kvClear();
                historySize = 0;
                return;
            }
            historySize = n;
        }
    }

    private void push(int token) {
        if (historySize == history.length) {
            history = Arrays.copyOf(history, history.length * 2);
        }
        history[historySize++] = token;
    }

    private void decode() {
        try {
            ctx.decode(batch);
        } catch (LlamaException e) {
            // the failed batch is not in the cache; make history agree with llama.cpp's cells
            throw new EngineException.Native(e.getMessage(), e);
        }
        totalDecoded += batch.size();
    }

    // --- state ------------------------------------------------------------------------------------

    /** The KV state of this session's sequence, in llama.cpp's format (see {@code kv.PrefixCache}). */
    public byte[] saveState() {
        open();
        return ctx.sequenceState(0);
    }

    /** Bytes {@link #saveState()} gives for a cache of {@code tokens} tokens (how big a valid saved state is). */
    public long stateSize(int tokens) {
        open();
        try {
            return ctx.sequenceStateSize(tokens);
        } catch (LlamaException.State e) {
            throw new EngineException.InvalidState(e.getMessage(), e);
        }
    }

    /**
     * Replaces the cache with a state saved by {@link #saveState()} for exactly {@code tokens}. The bytes are
     * untrusted: their structure is checked in Java before llama.cpp reads them (one cell per token at positions
     * 0 to n-1, and this model's layers, types and row sizes; see {@code dev.ferret.llama.SequenceStateLayout}),
     * and a state that does not fit gives {@link EngineException.InvalidState} naming the field, leaving the
     * cache empty. What the cells hold cannot be checked: that the state came from this model with the same
     * adapters is the caller's word (PrefixCache keys its files by both).
     */
    public void restoreState(int[] tokens, byte[] state) {
        open();
        if (tokens.length >= nCtx) {
            throw new EngineException.ContextOverflow(tokens.length + 1, nCtx, "restored prefix");
        }
        ctx.kvClear();
        historySize = 0;
        try {
            ctx.restorePrefixState(0, state, tokens.length);
        } catch (LlamaException.State e) {
            ctx.kvClear();
            throw new EngineException.InvalidState(e.getMessage(), e);
        } catch (LlamaException e) {
            ctx.kvClear();
            throw new EngineException.Native(e.getMessage(), e);
        }
        int cells = ctx.kvUsedCells();
        int posMax = cells == 0 ? -1 : ctx.kvPosMax(0);
        if (cells != tokens.length || posMax != tokens.length - 1) {
            ctx.kvClear();
            throw new EngineException.InvalidState("restored state holds " + cells + " cells up to position " + posMax
                    + "; expected " + tokens.length + " cells at positions 0 to " + (tokens.length - 1), null);
        }
        for (int t : tokens) {
            push(t);
        }
    }

    // --- generation -------------------------------------------------------------------------------

    /**
     * Tokenizes {@code prompt} with special-token text parsed anywhere in it, and generates. Use only for text
     * you trust entirely; a rendered chat prompt should be passed as a {@link Prompt}.
     */
    public Generation generate(String prompt, GenerationRequest request, TokenListener listener) {
        open();
        return generate(model.tokenize(prompt, true), request, listener, null);
    }

    /** Generates with a drafter for speculative decoding (null = plain decoding). */
    public Generation generate(String prompt, GenerationRequest request, TokenListener listener, Drafter drafter) {
        open();
        return generate(model.tokenize(prompt, true), request, listener, drafter);
    }

    public Generation generate(int[] prompt, GenerationRequest request, TokenListener listener) {
        return generate(prompt, request, listener, null);
    }

    /**
     * Generates after a prompt made of segments ({@link Model#tokenize(Prompt)}): only its special segments
     * become control tokens. This is the form a chat template renders; prefer it to {@link #generate(String,
     * GenerationRequest, TokenListener)}, which parses special-token text anywhere in the string.
     */
    public Generation generate(Prompt prompt, GenerationRequest request, TokenListener listener) {
        return generate(prompt, request, listener, null);
    }

    /** As {@link #generate(Prompt, GenerationRequest, TokenListener)}, with a drafter (null = plain decoding). */
    public Generation generate(Prompt prompt, GenerationRequest request, TokenListener listener, Drafter drafter) {
        open();
        return generate(model.tokenize(prompt), request, listener, drafter);
    }

    /**
     * Generates after {@code prompt}. With a drafter, each step verifies the drafter's proposal in one target
     * batch and keeps the agreeing prefix plus the target's own next token; the output is the same as plain
     * decoding for greedy sampling.
     */
    public Generation generate(int[] prompt, GenerationRequest request, TokenListener listener, Drafter drafter) {
        open();
        TokenListener out = listener == null ? TokenListener.NONE : listener;
        long t0 = System.nanoTime();
        long decodedBefore = totalDecoded;
        Prefill pre = prefill(prompt);
        long t1 = System.nanoTime();
        try (SamplerChain chain = buildChain(request)) {
            Samplers.acceptPromptTail(chain, request, prompt);
            Loop loop = new Loop(request, out, drafter);
            int[] generated = loop.run(chain);
            long t2 = System.nanoTime();
            SpecStats spec = drafter == null ? SpecStats.NONE
                    : new SpecStats(drafter.name(), loop.drafted, loop.accepted, generated.length - loop.accepted, loop.batches);
            return new Generation(loop.text.toString(), generated, loop.reason, loop.stopMatcher.matched(),
                    prompt.length, pre.reused(), (int) (totalDecoded - decodedBefore),
                    (t1 - t0) / 1e6, (t2 - t1) / 1e6, spec);
        }
    }

    /** Logit bias of a banned token: no real logit comes near it, and it is still finite. */
    static final float BANNED = Samplers.BANNED;

    SamplerChain buildChain(GenerationRequest r) {
        return Samplers.chain(model, r);
    }

    /** The decoding loop of one generation; stop handling lives here. */
    private final class Loop {
        static final int MAX_DRAFT = 16;
        final GenerationRequest request;
        final TokenListener listener;
        final Drafter drafter;
        final StopMatcher stopMatcher;
        final Utf8Decoder utf8 = new Utf8Decoder();
        final StringBuilder text = new StringBuilder();
        FinishReason reason;
        int[] out = new int[16];
        int n;
        int drafted;
        int accepted;
        int batches;

        Loop(GenerationRequest request, TokenListener listener, Drafter drafter) {
            this.request = request;
            this.listener = listener;
            this.drafter = drafter;
            this.stopMatcher = new StopMatcher(request.stopStrings());
        }

        int[] run(SamplerChain chain) {
            if (request.maxTokens() <= 0) {
                reason = FinishReason.MAX_TOKENS;
                return result();
            }
            int token = chain.sample(ctx, -1);
            while (consume(token)) {
                int room = Math.min(Math.min(MAX_DRAFT, batch.capacity() - 1), Math.min(request.maxTokens() - n - 1, nCtx - historySize - 3));
                int[] draft = drafter == null || room <= 0 ? new int[0] : drafter.draft(contextWith(token), room);
                int p = historySize;
                batch.clear();
                batch.add(token, p, 0, true);
                for (int i = 0; i < draft.length; i++) {
                    batch.add(draft[i], p + 1 + i, 0, true);
                }
                decode();
                push(token);
                if (draft.length == 0) {
                    token = chain.sample(ctx, -1);
                    continue;
                }
                for (int d : draft) {
                    push(d);
                }
                batches++;
                drafted += draft.length;
                // the target samples each position in turn; a draft token is kept while it agrees
                int k = 0;
                int next;
                while (true) {
                    int t = chain.sample(ctx, k);
                    if (k < draft.length && t == draft[k]) {
                        k++;
                        continue;
                    }
                    next = t;
                    break;
                }
                truncate(p + 1 + k); // drop the cells of rejected draft tokens
                for (int j = 0; j < k; j++) {
                    if (!consume(draft[j])) {
                        truncate(p + 1 + j); // like plain decoding: the stopping token is not in the cache
                        return finishWithoutFlush();
                    }
                    accepted++;
                }
                token = next;
            }
            return finishWithoutFlush();
        }

        private int[] contextWith(int token) {
            int[] c = Arrays.copyOf(history, historySize + 1);
            c[historySize] = token;
            return c;
        }

        /**
         * Takes one sampled token (not yet decoded) into the output. False when generation ends here: an EOG
         * token (not kept), a stop string completed (token kept, text cut before the stop), cancellation, the
         * token budget, or a full context.
         */
        private boolean consume(int token) {
            if (model.isEndOfGeneration(token)) {
                reason = FinishReason.END_OF_GENERATION;
                return false;
            }
            keep(token);
            StopMatcher.Step step = stopMatcher.offer(utf8.decode(model.piece(token)));
            boolean goOn = emit(step.emit());
            if (step.stopped()) {
                reason = FinishReason.STOP_STRING;
                return false;
            }
            if (!goOn) {
                reason = FinishReason.CANCELLED;
                return false;
            }
            if (n >= request.maxTokens()) {
                reason = FinishReason.MAX_TOKENS;
                return false;
            }
            if (historySize + 2 >= nCtx) {
                reason = FinishReason.CONTEXT_FULL;
                return false;
            }
            return true;
        }

        private int[] finishWithoutFlush() {
            if (stopMatcher.matched() == null) {
                // no stop string matched: whatever was held back is real output
                String tail = utf8.flush();
                if (!tail.isEmpty()) {
                    StopMatcher.Step s = stopMatcher.offer(tail);
                    emit(s.emit());
                    if (s.stopped()) {
                        reason = FinishReason.STOP_STRING;
                        return result();
                    }
                }
                emit(stopMatcher.flush());
            }
            return result();
        }

        private void keep(int token) {
            if (n == out.length) {
                out = Arrays.copyOf(out, n * 2);
            }
            out[n++] = token;
        }

        private boolean emit(String s) {
            if (s.isEmpty()) {
                return true;
            }
            text.append(s);
            return listener.onText(s);
        }

        private int[] result() {
            return Arrays.copyOf(out, n);
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        model.forget(this);
        batch.close();
        ctx.close();
    }
}
