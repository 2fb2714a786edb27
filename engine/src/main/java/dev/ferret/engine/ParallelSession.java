package dev.ferret.engine;

import dev.ferret.llama.LlamaContext;
import dev.ferret.llama.LlamaException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One conversation of a {@link ParallelContext}: a sequence of the shared llama.cpp context, with its own KV
 * cells, token history, adapters, and per generation its own sampler chain and stop strings. Generation works as
 * with a {@link Session}: the longest common prefix with what the sequence holds is reused (and a longer one
 * held by another sequence of the context is copied, not evaluated again), stops are handled inside the decoding
 * loop, the listener sees text as it becomes final. The difference is where the decoding happens: on the
 * context's decode thread, batched with the other sessions' tokens.
 *
 * <p><b>Threads.</b> Different sessions may generate from different threads at the same time; that is the point.
 * One session runs one call at a time: a call while another is in progress on it (from another thread, or from
 * its own listener) throws {@link EngineException.Busy}. The listener runs on the calling thread, never on the
 * decode thread, so a slow listener delays only its own session (the decode thread does not wait for it: the
 * pieces queue up). Returning false from it, interrupting the calling thread, or a listener exception cancels
 * the generation before the next decode step and frees the sequence for the next call; the result then holds
 * the text the listener saw, while the tokens decoded meanwhile stay in the cache. {@link #close()} may be
 * called from any thread: a generation in progress ends with {@link EngineException.Closed}.
 *
 * <p>Speculative decoding is for {@link Session}s; a parallel session decodes one token per step.
 */
public final class ParallelSession implements KvSession {
    private final ParallelContext owner;
    private final int seq;
    private final boolean internal;

    /** Guarded by this: the tokens in this sequence's cells. Written only on the decode thread. */
    private int[] history = new int[64];
    private int historySize;
    /** Decode thread only: the adapters the cells were computed under. */
    private Map<Adapter, Float> cacheAdapters = Map.of();
    /** Guarded by itself: the adapters the next generation applies. */
    private final Map<Adapter, Float> adapters = new LinkedHashMap<>();
    /** The call in progress (a job or a marker), for Busy. */
    private final AtomicReference<Object> current = new AtomicReference<>();
    private volatile boolean closed;

    ParallelSession(ParallelContext owner, int seq, boolean internal) {
        this.owner = owner;
        this.seq = seq;
        this.internal = internal;
    }

    @Override
    public Model model() {
        return owner.model();
    }

    public ParallelContext context() {
        return owner;
    }

    /** The llama.cpp sequence id this session uses. */
    public int sequence() {
        return seq;
    }

    /** Tokens this session's cache may hold ({@link ParallelOptions#sequenceContext()}). */
    @Override
    public int contextSize() {
        return owner.sequenceContext();
    }

    @Override
    public synchronized int[] history() {
        return Arrays.copyOf(history, historySize);
    }

    public boolean isOpen() {
        return !closed && owner.isOpen();
    }

    // --- adapters ---------------------------------------------------------------------------------

    /**
     * Applies an adapter of this session's model at {@code scale} from the next generation on. The session's
     * cells were computed without it, so the next generation evaluates its prompt afresh. Sessions with
     * different adapter sets take turns on the context's decode thread (llama.cpp applies adapters to a whole
     * context); sessions with the same set share each decode.
     */
    public void setAdapter(Adapter adapter, float scale) {
        checkOpen();
        if (adapter.model() != model()) {
            throw new EngineException.IncompatibleAdapter("adapter " + adapter.path().getFileName() + " was loaded on another model", null);
        }
        if (!Float.isFinite(scale)) {
            throw new IllegalArgumentException("adapter scale must be finite: " + scale);
        }
        owner.attach(adapter); // Closed if the adapter is closing; it stays attached to the context until dropped
        synchronized (adapters) {
            adapters.put(adapter, scale);
        }
    }

    public void removeAdapter(Adapter adapter) {
        synchronized (adapters) {
            adapters.remove(adapter);
        }
    }

    public void clearAdapters() {
        synchronized (adapters) {
            adapters.clear();
        }
    }

    @Override
    public Map<Adapter, Float> adapters() {
        synchronized (adapters) {
            return Map.copyOf(adapters);
        }
    }

    // --- generation -------------------------------------------------------------------------------

    /** Tokenizes {@code prompt} with special-token text parsed anywhere (text you trust), and generates. */
    public Generation generate(String prompt, GenerationRequest request, TokenListener listener) {
        checkOpen();
        return generate(model().tokenize(prompt, true), request, listener);
    }

    /** Generates after a prompt of segments: only its special segments become control tokens. */
    public Generation generate(Prompt prompt, GenerationRequest request, TokenListener listener) {
        checkOpen();
        return generate(model().tokenize(prompt), request, listener);
    }

    /**
     * Generates after {@code prompt}, batched with the context's other sessions. Blocks until the generation
     * ends; {@code listener} (may be null) runs on this thread.
     *
     * @throws EngineException.ContextOverflow when the prompt does not fit {@link #contextSize()}
     * @throws EngineException.Busy            when this session is already in a call
     * @throws EngineException.Closed          when the session, its context or its model is closed meanwhile
     */
    public Generation generate(int[] prompt, GenerationRequest request, TokenListener listener) {
        Objects.requireNonNull(request, "request");
        int[] tokens = checkPrompt(prompt, true);
        Job job = new Job(this, tokens, request, adapters());
        claim(job);
        try {
            owner.loop().submit(job);
            return job.deliver(listener == null ? TokenListener.NONE : listener);
        } finally {
            current.compareAndSet(job, null);
        }
    }

    /** Evaluates {@code tokens} into the cache (reusing the common prefix) without generating. */
    @Override
    public Session.Prefill prefill(int[] tokens) {
        int[] t = checkPrompt(tokens, false);
        Job job = new Job(this, t, null, adapters());
        claim(job);
        try {
            owner.loop().submit(job);
            return job.awaitPrefill();
        } finally {
            current.compareAndSet(job, null);
        }
    }

    private int[] checkPrompt(int[] prompt, boolean generating) {
        checkOpen();
        Objects.requireNonNull(prompt, "prompt");
        if (prompt.length == 0) {
            throw new IllegalArgumentException("empty prompt");
        }
        int room = contextSize();
        if (prompt.length >= room) {
            throw new EngineException.ContextOverflow(prompt.length + 1, room, "prompt of " + prompt.length + " tokens plus one"
                    + (generating ? " generated token" : " more"));
        }
        int vocab = model().vocabSize();
        for (int i = 0; i < prompt.length; i++) {
            if (prompt[i] < 0 || prompt[i] >= vocab) {
                throw new IllegalArgumentException("prompt token " + prompt[i] + " at " + i + " is outside the vocabulary [0, " + vocab + ")");
            }
        }
        return prompt.clone();
    }

    // --- state ------------------------------------------------------------------------------------

    /** Empties this session's cells (other sequences keep any cells they share with it). */
    @Override
    public void reset() {
        housekeeping("reset", () -> {
            truncate(owner.llama(), 0);
            return null;
        });
    }

    @Override
    public byte[] saveState() {
        return housekeeping("saveState", () -> owner.llama().sequenceState(seq));
    }

    @Override
    public long stateSize(int tokens) {
        if (tokens < 0) {
            // the size formula would go negative
            throw new IllegalArgumentException("stateSize: tokens must be 0 or more, got " + tokens);
        }
        checkOpen();
        // on the decode thread: the size is computed from the context's cache, which a decode changes
        return owner.loop().call(() -> {
            try {
                return owner.llama().sequenceStateSize(tokens);
            } catch (LlamaException.State e) {
                throw new EngineException.InvalidState(e.getMessage(), e);
            }
        });
    }

    /**
     * Replaces this session's cells with a state saved (by a {@link Session} or a parallel session of the same
     * model and adapters) for exactly {@code tokens}. Checked in Java before llama.cpp reads it, as
     * {@link Session#restoreState} does; a state that does not fit leaves the session empty and throws
     * {@link EngineException.InvalidState}.
     */
    @Override
    public void restoreState(int[] tokens, byte[] state) {
        Objects.requireNonNull(state, "state");
        int[] t = tokens.clone();
        if (t.length >= contextSize()) {
            throw new EngineException.ContextOverflow(t.length + 1, contextSize(), "restored prefix");
        }
        Map<Adapter, Float> now = adapters();
        housekeeping("restoreState", () -> {
            LlamaContext ctx = owner.llama();
            truncate(ctx, 0);
            int before = ctx.kvUsedCells();
            try {
                ctx.restorePrefixState(seq, state, t.length);
            } catch (LlamaException.State e) {
                ctx.kvRemove(seq, -1, -1);
                throw new EngineException.InvalidState(e.getMessage(), e);
            } catch (LlamaException e) {
                ctx.kvRemove(seq, -1, -1);
                throw new EngineException.Native(e.getMessage(), e);
            }
            int added = ctx.kvUsedCells() - before;
            int posMax = t.length == 0 ? -1 : ctx.kvPosMax(seq);
            if (added != t.length || posMax != t.length - 1) {
                ctx.kvRemove(seq, -1, -1);
                throw new EngineException.InvalidState("restored state holds " + added + " cells up to position " + posMax
                        + "; expected " + t.length + " cells at positions 0 to " + (t.length - 1), null);
            }
            append(t, 0, t.length);
            cacheAdapters = now;
            return null;
        });
    }

    private <T> T housekeeping(String what, java.util.concurrent.Callable<T> work) {
        checkOpen();
        Object marker = what;
        claim(marker);
        try {
            return owner.loop().call(() -> {
                checkOpen();
                return work.call();
            });
        } finally {
            current.compareAndSet(marker, null);
        }
    }

    private void claim(Object call) {
        if (!current.compareAndSet(null, call)) {
            throw new EngineException.Busy("parallel session " + seq + " is in use (" + describe(current.get())
                    + "); a session runs one call at a time (use another session of the context)");
        }
        if (closed) {
            current.compareAndSet(call, null);
            checkOpen();
        }
    }

    private static String describe(Object call) {
        return call instanceof Job j ? (j.isPrefill() ? "a prefill" : "a generation") : call == null ? "finishing" : String.valueOf(call);
    }

    private void checkOpen() {
        if (closed) {
            throw new EngineException.Closed("parallel session " + seq);
        }
        owner.checkOpen();
    }

    /**
     * Frees the sequence: a generation in progress ends with {@link EngineException.Closed}, the cells are
     * removed (cells shared with other sequences stay theirs), and the context may hand the sequence to a new
     * session. Idempotent; any thread.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (internal) {
            return;
        }
        if (owner.isOpen()) {
            try {
                owner.loop().call(() -> {
                    owner.loop().abandon(this, new EngineException.Closed("parallel session " + seq));
                    truncate(owner.llama(), 0);
                    return null;
                });
            } catch (EngineException.Closed e) {
                // the context closed meanwhile: its cells are gone with it
            }
        }
        owner.release(this);
    }

    // --- the decode thread's side -----------------------------------------------------------------

    /** Decode thread: the history array itself (read-only use; only the decode thread writes it). */
    int[] historyView() {
        return history;
    }

    int historySize() {
        return historySize;
    }

    Map<Adapter, Float> cacheAdapters() {
        return cacheAdapters;
    }

    void cacheAdapters(Map<Adapter, Float> a) {
        cacheAdapters = a;
    }

    /** Decode thread: keeps only the first {@code n} tokens' cells. */
    void truncate(LlamaContext ctx, int n) {
        if (n < historySize || n == 0) {
            ctx.kvRemove(seq, n, -1);
            synchronized (this) {
                historySize = Math.min(historySize, n);
            }
        }
    }

    /** Decode thread: a decoded token joined the cells. */
    synchronized void append(int token) {
        if (historySize == history.length) {
            history = Arrays.copyOf(history, history.length * 2);
        }
        history[historySize++] = token;
    }

    /** Decode thread: tokens[from, to) joined the cells (copied or restored). */
    synchronized void append(int[] tokens, int from, int to) {
        int need = historySize + (to - from);
        if (need > history.length) {
            history = Arrays.copyOf(history, Math.max(need, history.length * 2));
        }
        System.arraycopy(tokens, from, history, historySize, to - from);
        historySize = need;
    }

    /** Length of the common prefix of {@code a[0, aLen)} and {@code b}. */
    static int commonPrefix(int[] a, int aLen, int[] b) {
        int max = Math.min(aLen, b.length);
        int i = 0;
        while (i < max && a[i] == b[i]) {
            i++;
        }
        return i;
    }

    @Override
    public String toString() {
        return "ParallelSession[sequence " + seq + " of " + owner + (closed ? ", closed]" : "]");
    }
}
