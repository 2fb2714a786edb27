package dev.ferret.engine;

import dev.ferret.engine.sampling.StopMatcher;
import dev.ferret.engine.sampling.Utf8Decoder;
import dev.ferret.engine.speculative.Drafter;
import dev.ferret.llama.AbortSignal;
import dev.ferret.engine.speculative.SpeculationController;
import dev.ferret.llama.Batch;
import dev.ferret.llama.LlamaContext;
import dev.ferret.llama.LlamaException;
import dev.ferret.llama.SamplerChain;
import java.util.ArrayList;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One conversation: a KV cache (sequence 0 of a llama.cpp context) and the tokens it holds. Each
 * {@link #generate} reuses the longest common prefix of the new prompt with what the cache already holds,
 * evaluating only the rest; when the history diverges, the cache is cut at the first difference.
 *
 * <p>Stopping happens inside the decoding loop: an end-of-generation token ends the loop before it is
 * decoded, and a stop string ends it on the token that completes it, which is not decoded either.
 *
 * <p><b>Threads.</b> A session serves one thread at a time, and says so instead of corrupting its cache: a
 * call while another thread is inside one of its methods throws {@link EngineException.Busy} at once (calls
 * are not queued), and so does a call from inside its own {@link TokenListener} (re-entrance). Different
 * sessions of one model run in parallel. {@link #close()} is the exception: any thread may call it at any
 * time. It stops a generation in flight through llama.cpp's abort callback (that generation ends with
 * {@link EngineException.Closed}), waits for it to leave native code (and for a listener call in progress to
 * return), and then frees the context; from the session's own listener it returns at once and the context is
 * freed when the generation ends. An
 * interrupt of the generating thread ends {@link #generate} with {@link FinishReason#CANCELLED} and leaves the
 * thread's interrupt flag set. A listener that throws ends the generation with its exception, unchanged;
 * the session stays usable (its KV cache holds exactly {@link #history()}).
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
    /** Adapters set on the context; read by other threads (an adapter's close), so guarded by itself. */
    private final Map<Adapter, Float> adapters = new LinkedHashMap<>();
    private long totalDecoded;
    private final NativeGuard guard;
    private final AbortSignal abort;
    /** True inside generate: only there does an interrupt stop a decode (see {@link #decode()}). */
    private boolean interruptible;

    Session(Model model, LlamaContext ctx) {
        this.model = model;
        this.ctx = ctx;
        this.nCtx = ctx.contextSize();
        this.abort = ctx.abortSignal();
        Batch b;
        try {
            b = new Batch(ctx.batchSize(), 1);
        } catch (RuntimeException | Error e) {
            ctx.close();
            throw e;
        }
        this.batch = b;
        this.guard = new NativeGuard("session of model " + model.path().getFileName(), model.guard(), abort::request, this::free);
    }

    /**
     * Starts a call: an exclusive lease on this session (and a shared one on the model), then housekeeping
     * that needs exclusive use: a stale abort request is dropped, and adapters closed elsewhere are detached.
     */
    private NativeGuard.Lease enter() {
        NativeGuard.Lease lease = guard.exclusive();
        try {
            synchronized (adapters) {
                // together with dropAdapter's check-and-request, so an adapter's abort never hits a later call
                abort.clear();
                dropClosedAdapters();
            }
            // a close that began after our lease and before the clear above must still be seen
            if (!guard.isOpen() || !model.isOpen()) {
                throw new EngineException.Closed(guard.isOpen() ? model.guard().what() : guard.what());
            }
        } catch (RuntimeException | Error e) {
            lease.close();
            throw e;
        }
        return () -> {
            try {
                if (guard.isOpen()) {
                    synchronized (adapters) {
                        dropClosedAdapters(); // an adapter closed during this call
                    }
                }
            } finally {
                lease.close();
            }
        };
    }

    /** With exclusive use and the adapters' lock: detaches adapters that are closing; the cache held their effect. */
    private void dropClosedAdapters() {
        if (adapters.isEmpty()) {
            return;
        }
        List<Adapter> gone = new ArrayList<>();
        for (Adapter a : adapters.keySet()) {
            if (a.isClosing()) {
                gone.add(a);
            }
        }
        for (Adapter a : gone) {
            adapters.remove(a);
            try {
                ctx.removeAdapter(a.loraForDetach());
            } finally {
                a.detached(this);
            }
        }
        if (!gone.isEmpty()) {
            ctx.kvClear();
            historySize = 0;
        }
    }

    /**
     * Called by {@link Adapter#close()} from any thread. Stops a generation of this session that uses the
     * adapter, waits for it to end, and detaches the adapter. False when the calling thread is inside a
     * call on this session (a listener): then that call detaches it when it ends.
     */
    boolean dropAdapter(Adapter a) {
        if (guard.heldByCurrentThread()) {
            abort.request();
            return false;
        }
        synchronized (adapters) {
            if (!adapters.containsKey(a)) {
                return true; // not set (yet): setAdapter's own end detaches it if it is being set now
            }
            abort.request();
        }
        try (NativeGuard.Lease _ = guard.exclusiveWaiting()) {
            synchronized (adapters) {
                dropClosedAdapters();
            }
        } catch (EngineException.Closed e) {
            // the session or its model is closing; the session's free detaches every adapter
        }
        return true;
    }

    /** The model's close: stop a decode in flight. */
    void abortInFlight() {
        abort.request();
    }

    /** The guard's free action: no call is in flight. */
    private void free() {
        try {
            batch.close();
            ctx.close();
        } finally {
            model.forget(this);
            Adapter.detachAll(this, adapters, adapters.keySet());
        }
    }

    /** Why a generation was stopped by the abort signal, or null if nothing was closed. */
    private EngineException.Closed closedCause(Throwable cause) {
        if (!guard.isOpen()) {
            return new EngineException.Closed(guard.what(), cause);
        }
        if (!model.isOpen()) {
            return new EngineException.Closed(model.guard().what(), cause);
        }
        synchronized (adapters) {
            for (Adapter a : adapters.keySet()) {
                if (a.isClosing()) {
                    return new EngineException.Closed("adapter " + a.path().getFileName(), cause);
                }
            }
        }
        return null;
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
        try (var _ = enter()) {
            // b4916 answers 0 for an empty sequence; the used-cell count tells the two apart
            return ctx.kvUsedCells() == 0 ? -1 : ctx.kvPosMax(0);
        }
    }

    /** For tests: in one call, whether the KV cache holds exactly {@link #history()} (cell count and last position). */
    boolean cacheMatchesHistory() {
        try (var _ = enter()) {
            int used = ctx.kvUsedCells();
            return used == historySize && (used == 0 || ctx.kvPosMax(0) == historySize - 1);
        }
    }

    /** Forgets the conversation (clears the KV cache). */
    public void reset() {
        try (var _ = enter()) {
            resetLeased();
        }
    }

    private void resetLeased() {
        ctx.kvClear();
        historySize = 0;
    }

    // --- adapters ---------------------------------------------------------------------------------

    /**
     * Applies an adapter of this session's model at {@code scale} (0 = no effect). The KV cache was computed
     * with the old weights, so it is cleared.
     */
    public void setAdapter(Adapter adapter, float scale) {
        try (var _ = enter()) {
            if (adapter.model() != model) {
                throw new EngineException.IncompatibleAdapter("adapter " + adapter.path().getFileName() + " was loaded on another model", null);
            }
            Float old;
            synchronized (adapters) {
                old = adapters.get(adapter);
            }
            if (old != null && old == scale) {
                return;
            }
            if (!Float.isFinite(scale)) {
                throw new IllegalArgumentException("adapter scale must be finite: " + scale);
            }
            if (old == null) {
                adapter.attach(this); // throws if the adapter is closed or closing
            }
            try {
                ctx.setAdapter(adapter.lora(), scale);
            } catch (RuntimeException e) {
                if (old == null) {
                    adapter.detached(this);
                }
                throw e instanceof LlamaException le ? new EngineException.Native(le.getMessage(), le) : e;
            }
            synchronized (adapters) {
                adapters.put(adapter, scale);
            }
            resetLeased();
        }
    }

    public void removeAdapter(Adapter adapter) {
        try (var _ = enter()) {
            boolean had;
            synchronized (adapters) {
                had = adapters.remove(adapter) != null;
            }
            if (had) {
                try {
                    ctx.removeAdapter(adapter.loraForDetach());
                } finally {
                    adapter.detached(this);
                }
                resetLeased();
            }
        }
    }

    public void clearAdapters() {
        try (var _ = enter()) {
            List<Adapter> held;
            synchronized (adapters) {
                held = new ArrayList<>(adapters.keySet());
                adapters.clear();
            }
            if (!held.isEmpty()) {
                try {
                    ctx.clearAdapters();
                } finally {
                    for (Adapter a : held) {
                        a.detached(this);
                    }
                }
                resetLeased();
            }
        }
    }

    public Map<Adapter, Float> adapters() {
        synchronized (adapters) {
            return Map.copyOf(adapters);
        }
    }

    // --- evaluation -------------------------------------------------------------------------------

    /**
     * Makes the KV cache hold exactly {@code tokens}, reusing the common prefix, and returns the logits after
     * the last token plus how many tokens were reused and evaluated.
     */
    public Prefill prefill(int[] tokens) {
        try (var _ = enter()) {
            return prefillLeased(tokens);
        }
    }

    private Prefill prefillLeased(int[] tokens) {
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

    /**
     * Evaluates one more token after what the cache holds (a batch of one), so that {@link #top()} and
     * {@link #logits()} describe the position after it. A drafter's inner loop uses this instead of
     * {@link #prefill}, which would compare the whole history again for every token.
     */
    public void append(int token) {
        try (var _ = enter()) {
            appendLeased(token);
        }
    }

    private void appendLeased(int token) {
        if (token < 0 || token >= model.vocabSize()) {
            throw new IllegalArgumentException("token " + token + " is outside the vocabulary [0, " + model.vocabSize() + ")");
        }
        if (historySize + 1 >= nCtx) {
            throw new EngineException.ContextOverflow(historySize + 2, nCtx, "appending a token");
        }
        batch.clear();
        batch.add(token, historySize, 0, true);
        decode();
        push(token);
    }

    /** The most likely next token and its probability (softmax of the logits). */
    public record Top(int token, float probability) {}

    /**
     * The greedy choice after the last evaluated token and its probability, read from llama.cpp's logits
     * without copying them. Logits more than {@value #NEGLIGIBLE_LOGIT_GAP} below the largest are left out of the
     * softmax's sum: each adds less than 1e-10 to a sum of at least 1, so even a 152,064-row vocabulary moves the
     * probability by less than 0.002%, and {@code exp} runs only for the rows near the top.
     */
    public Top top() {
        try (var _ = enter()) {
            MemorySegment l = ctx.logitsView(-1);
            int best = argmax(l);
            float max = l.getAtIndex(ValueLayout.JAVA_FLOAT, best);
            int n = model.vocabSize();
            double sum = 0;
            for (int i = 0; i < n; i++) {
                float d = l.getAtIndex(ValueLayout.JAVA_FLOAT, i) - max;
                if (d > -NEGLIGIBLE_LOGIT_GAP) {
                    sum += Math.exp(d);
                }
            }
            return new Top(best, (float) (1 / sum));
        }
    }

    /** See {@link #top()}: e^-24 is below 4e-11. */
    static final float NEGLIGIBLE_LOGIT_GAP = 24f;

    /** The greedy choice after the last evaluated token, without its probability (cheaper than {@link #top()}). */
    public int topToken() {
        try (var _ = enter()) {
            return argmax(ctx.logitsView(-1));
        }
    }

    private int argmax(MemorySegment logits) {
        int n = model.vocabSize();
        int best = 0;
        float max = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            float v = logits.getAtIndex(ValueLayout.JAVA_FLOAT, i);
            if (v > max) {
                max = v;
                best = i;
            }
        }
        return best;
    }

    /** Logits after the last evaluated token (a copy). */
    public float[] logits() {
        try (var _ = enter()) {
            return ctx.logits(-1);
        }
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

    /**
     * Runs the batch. The failed batch is not in the cache ({@code LlamaContext.decode} takes its cells back), so history still
     * agrees with the cells. A decode stopped by the abort signal is a {@link EngineException.Closed} when
     * something was closed, and a {@link Cancelled} when the generating thread was interrupted.
     */
    private void decode() {
        try {
            ctx.decode(batch);
        } catch (LlamaException.Decode e) {
            if (e.code() == 2) {
                EngineException.Closed closed = closedCause(e);
                if (closed != null) {
                    throw closed;
                }
                if (interruptible && Thread.currentThread().isInterrupted()) {
                    throw new Cancelled();
                }
            }
            throw new EngineException.Native(e.getMessage(), e);
        } catch (LlamaException e) {
            throw new EngineException.Native(e.getMessage(), e);
        }
        totalDecoded += batch.size();
    }

    /** A decode stopped because the generating thread was interrupted; generate turns it into CANCELLED. */
    private static final class Cancelled extends RuntimeException {
        Cancelled() {
            super(null, null, false, false);
        }
    }

    // --- state ------------------------------------------------------------------------------------

    /** The KV state of this session's sequence, in llama.cpp's format (see {@code kv.PrefixCache}). */
    public byte[] saveState() {
        try (var _ = enter()) {
            return ctx.sequenceState(0);
        }
    }

    /**
     * Bytes {@link #saveState()} gives for a cache of {@code tokens} tokens (how big a valid saved state is).
     *
     * @throws IllegalArgumentException for a negative {@code tokens}
     */
    public long stateSize(int tokens) {
        if (tokens < 0) {
            // the size formula would go negative
            throw new IllegalArgumentException("stateSize: tokens must be 0 or more, got " + tokens);
        }
        try (var _ = enter()) {
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
        try (var _ = enter()) {
            restoreStateLeased(tokens, state);
        }
    }

    private void restoreStateLeased(int[] tokens, byte[] state) {
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
        return generate(prompt, request, listener, null);
    }

    /** Generates with a drafter for speculative decoding (null = plain decoding). */
    public Generation generate(String prompt, GenerationRequest request, TokenListener listener, Drafter drafter) {
        try (var _ = enter()) {
            return generateLeased(model.tokenize(prompt, true), request, listener, drafter);
        }
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
        if (!guard.isOpen()) {
            throw new EngineException.Closed(guard.what());
        }
        return generate(model.tokenize(prompt), request, listener, drafter);
    }

    /**
     * Generates after {@code prompt}. With a drafter, each step verifies the drafter's proposal in one target
     * batch and keeps the agreeing prefix plus the target's own next token; the output is the same as plain
     * decoding for greedy sampling (up to the rare near-tie that a batch's different summation order flips,
     * see {@code bench/results/README.md}). How much is drafted, and whether at all, follows the drafter's
     * {@link Drafter#options()}: adaptive options measure costs and acceptance as they go and decode plainly
     * while drafting does not pay ({@link SpeculationController}).
     *
     * <p>Ends early, with {@link FinishReason#CANCELLED}, when the listener returns false or the calling
     * thread is interrupted (before or during the call; the interrupt flag stays set). Ends with
     * {@link EngineException.Closed} when this session, its model, an adapter it uses, or the drafter's model
     * is closed meanwhile, and with the listener's own exception, unchanged, when the listener throws. In
     * every case the session stays consistent: its KV cache holds {@link #history()}. A logits row with a NaN or an
     * infinity ends the call with {@link EngineException.InvalidModel} and empties the cache (its cells may hold
     * non-finite values that would fail every later call), so the next call prefills its prompt afresh.
     */
    public Generation generate(int[] prompt, GenerationRequest request, TokenListener listener, Drafter drafter) {
        try (var _ = enter()) {
            return generateLeased(prompt, request, listener, drafter);
        }
    }

    private Generation generateLeased(int[] prompt, GenerationRequest request, TokenListener listener, Drafter drafter) {
        abort.watch(Thread.currentThread()); // an interrupt stops a decode in flight too
        interruptible = true;
        try {
            return generateWatched(prompt, request, listener, drafter);
        } finally {
            interruptible = false;
            abort.watch(null);
        }
    }

    private Generation generateWatched(int[] prompt, GenerationRequest request, TokenListener listener, Drafter drafter) {
        TokenListener out = listener == null ? TokenListener.NONE : listener;
        long t0 = System.nanoTime();
        long decodedBefore = totalDecoded;
        Prefill pre;
        try {
            pre = prefillLeased(prompt);
        } catch (Cancelled c) {
            long t = System.nanoTime();
            return new Generation("", new int[0], FinishReason.CANCELLED, null, prompt.length, 0,
                    (int) (totalDecoded - decodedBefore), (t - t0) / 1e6, 0, SpecStats.NONE);
        }
        if (drafter != null) {
            drafter.begin(prompt); // a draft model's prompt is prompt time, as in llama.cpp's speculative tools
        }
        long t1 = System.nanoTime();
        try (SamplerChain chain = buildChain(request)) {
            Samplers.acceptPromptTail(chain, request, prompt);
            Loop loop = new Loop(request, out, drafter);
            int[] generated = loop.run(chain);
            long t2 = System.nanoTime();
            SpecStats spec = drafter == null ? SpecStats.NONE
                    : new SpecStats(drafter.name(), loop.drafted, loop.accepted, generated.length - loop.accepted, loop.batches,
                            loop.control.skippedSteps());
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
        static final int[] NO_DRAFT = new int[0];
        final GenerationRequest request;
        final TokenListener listener;
        final Drafter drafter;
        final SpeculationController control;
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
            this.control = drafter == null ? null : new SpeculationController(drafter.options());
            this.stopMatcher = new StopMatcher(request.stopStrings());
        }

        int[] run(SamplerChain chain) {
            try {
                return runUntilDone(chain);
            } catch (Cancelled c) {
                // an interrupt stopped a decode: the tokens so far stand, the interrupted batch is not in the cache
                reason = FinishReason.CANCELLED;
                return finishWithoutFlush();
            } catch (EngineException.InvalidModel e) {
                // a logits row with a NaN or an infinity: the cells that decode wrote may hold non-finite keys or
                // values, and llama.cpp's attention turns such a cell into NaN for every later token of the context,
                // even where the mask hides it (its score is NaN before the mask is added, and 0 x NaN is NaN); kept
                // as a cached prefix they would fail every later generation, so the whole cache goes (a clear also
                // zeroes the cells)
                resetLeased();
                throw e;
            }
        }

        private int[] runUntilDone(SamplerChain chain) {
            if (request.maxTokens() <= 0) {
                reason = FinishReason.MAX_TOKENS;
                return result();
            }
            int token = Samplers.sample(chain, ctx, -1, model);
            while (consume(token)) {
                int[] draft = NO_DRAFT;
                if (control != null) {
                    int room = Math.min(batch.capacity() - 1, Math.min(request.maxTokens() - n - 1, nCtx - historySize - 3));
                    int budget = control.draftBudget(room);
                    if (budget > 0) {
                        long d0 = System.nanoTime();
                        int[] proposed = drafter.draft(contextWith(token), budget, control.pMin());
                        draft = control.proposal(proposed.length > budget ? Arrays.copyOf(proposed, budget) : proposed,
                                System.nanoTime() - d0);
                    } else if (control.wantsShadow()) {
                        control.shadowProposal(drafter.draft(contextWith(token), control.options().maxDraft()));
                    }
                }
                int p = historySize;
                batch.clear();
                batch.add(token, p, 0, true);
                for (int i = 0; i < draft.length; i++) {
                    batch.add(draft[i], p + 1 + i, 0, true);
                }
                long v0 = System.nanoTime();
                decode();
                long took = System.nanoTime() - v0;
                push(token);
                if (draft.length == 0) {
                    if (control != null) {
                        control.plainDecode(took);
                    }
                    token = Samplers.sample(chain, ctx, -1, model);
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
                    int t = Samplers.sample(chain, ctx, k, model);
                    if (k < draft.length && t == draft[k]) {
                        k++;
                        continue;
                    }
                    next = t;
                    break;
                }
                control.verified(draft.length, k, took);
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
            if (control != null) {
                control.observe(token);
            }
            if (model.isEog(token)) {
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
            if (!goOn || Thread.currentThread().isInterrupted()) {
                reason = FinishReason.CANCELLED;
                return false;
            }
            if (abort.isRequested()) {
                // closed by another thread (or by the listener) between two decodes
                EngineException.Closed closed = closedCause(null);
                if (closed != null) {
                    throw closed;
                }
            }
            reason = FinishReason.limitReached(request, n, historySize, nCtx);
            return reason == null;
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

    /**
     * Frees the context. Any thread, any time (see the class comment): a generation in flight ends with
     * {@link EngineException.Closed}. Idempotent; later calls on the session throw {@link EngineException.Closed}.
     */
    @Override
    public void close() {
        guard.close();
    }

    /** False from the moment {@link #close()} (or the model's close) begins. */
    public boolean isOpen() {
        return guard.isOpen();
    }
}
