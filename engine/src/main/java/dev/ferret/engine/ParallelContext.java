package dev.ferret.engine;

import dev.ferret.llama.AbortSignal;
import dev.ferret.llama.Batch;
import dev.ferret.llama.ContextParams;
import dev.ferret.llama.LlamaContext;
import dev.ferret.llama.LlamaException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Several conversations served by one llama.cpp context: each {@link ParallelSession} is one sequence of it,
 * with its own cells in the shared KV cache, and one decode thread puts the next tokens of all sessions into a
 * single {@code llama_decode} (continuous batching: a session joins or leaves between two steps). On a CPU a
 * batch of a few tokens costs little more than one, so N sessions generate close to N times as many tokens per
 * second as N separate sessions taking turns would.
 *
 * {@snippet :
 * try (Model model = Model.load(Path.of("model.gguf"));
 *      ParallelContext pc = model.newParallelContext(ParallelOptions.of(4).withSequenceContext(2048))) {
 *     // each thread takes a session; their generations share the context's decodes
 *     try (ParallelSession s = pc.newSession()) {
 *         Generation g = s.generate(prompt, GenerationRequest.greedy(128), delta -> true);
 *     }
 * }
 * }
 *
 * <p>A shared prefix ({@link ParallelOptions#sharedPrefix()}, e.g. the system prompt with tool schemas) is
 * evaluated once when the context opens; a session whose prompt starts with it gets its cells by
 * {@code llama_kv_self_seq_cp} (cells are shared, not duplicated). The same happens between sessions: a prompt
 * whose start another sequence already holds copies those cells instead of evaluating them again.
 *
 * <p>The cache holds {@code sequences × sequenceContext} cells plus the shared prefix, so every session can fill
 * its own context at once. Adapters are per session; llama.cpp applies them per context, so sessions with
 * different adapter sets are decoded in turns, and sessions with the same set together.
 *
 * <p><b>Threads.</b> Thread-safe. {@link #newSession()} and {@link #stats()} from any thread; each session from
 * one thread at a time (see {@link ParallelSession}). Native calls on the context happen only on its decode
 * thread (named {@code ferret-decode-...}), each step under a lease of the context's guard (and so of the
 * model's); callers queue. {@link #close()} from any thread: the decode in flight is stopped through llama.cpp's
 * abort callback, generations in progress end with {@link EngineException.Closed}, and close returns once the
 * decode thread has stopped and the context is freed. Closing the model closes its parallel contexts the same
 * way; closing an adapter that sessions of this context use ends their generations with Closed and detaches
 * it (their caches are cleared) before it is freed.
 */
public final class ParallelContext implements AutoCloseable {
    private final Model model;
    private final ParallelOptions options;
    private final int sequenceContext;
    private final LlamaContext ctx;
    private final Batch batch;
    private final DecodeLoop loop;
    private final NativeGuard guard;
    private final AbortSignal abort;
    /** Adapters set on sessions of this context (attached to it until it detaches them). Guarded by itself. */
    private final Set<Adapter> adapters = new LinkedHashSet<>();
    /** By sequence id; null = free. Guarded by this. */
    private final ParallelSession[] slots;
    private final ParallelSession holder;
    private final int sharedLength;
    /** Sessions (and the shared-prefix holder) another session may copy cells from; replaced on change. */
    private volatile List<ParallelSession> candidates = List.of();

    private ParallelContext(Model model, ParallelOptions options, int sequenceContext, LlamaContext ctx, Batch batch) {
        this.model = model;
        this.options = options;
        this.sequenceContext = sequenceContext;
        this.ctx = ctx;
        this.batch = batch;
        this.slots = new ParallelSession[options.sequences()];
        int[] prefix = options.sharedPrefix();
        this.sharedLength = prefix.length;
        this.holder = prefix.length == 0 ? null : new ParallelSession(this, options.sequences(), true);
        this.loop = new DecodeLoop(this, model, ctx, batch, "ferret-decode-" + model.path().getFileName());
        this.abort = ctx.abortSignal();
        this.guard = new NativeGuard("parallel context of model " + model.path().getFileName(), model.guard(), this::abortInFlight,
                this::free);
    }

    /** Opens the context and its decode thread, and evaluates the shared prefix. For {@link Model#newParallelContext}. */
    static ParallelContext open(Model model, ParallelOptions options) {
        int seqCtx = options.sequenceContext() > 0 ? options.sequenceContext() : model.contextSize();
        int[] prefix = options.sharedPrefix();
        if (prefix.length >= seqCtx) {
            throw new EngineException.ContextOverflow(prefix.length + 1, seqCtx, "shared prefix of " + prefix.length + " tokens");
        }
        long cells = (long) options.sequences() * seqCtx + prefix.length;
        if (cells > ModelOptions.MAX_CONTEXT) {
            throw new IllegalArgumentException(options.sequences() + " sequences of " + seqCtx + " tokens need " + cells
                    + " KV cells; at most " + ModelOptions.MAX_CONTEXT);
        }
        ModelOptions mo = model.options();
        ContextBudget.check(model.llama(), (int) cells); // refuses a cache the machine has no memory for
        ContextParams base = ContextParams.defaults();
        // one micro-batch per decode: where a decode of several fails, b4916/b4980 take back the wrong cells of
        // a cache that sequences share (see LlamaContext.decode); llama.cpp splits a bigger batch anyway
        int batchSize = (int) Math.min(Math.min(mo.batchSize(), cells), base.ubatchSize());
        ContextParams p = base
                .withContextSize((int) cells)
                .withBatchSize(batchSize)
                .withThreads(mo.effectiveThreads())
                .withThreadpool(mo.threadpool())
                .withMaxSequences(options.sequences() + 1); // the last id holds the shared prefix
        LlamaContext ctx;
        try {
            ctx = model.llama().newContext(p);
        } catch (LlamaException e) {
            throw new EngineException.Native(e.getMessage(), e);
        }
        Batch batch;
        try {
            batch = new Batch(ctx.batchSize(), 1);
        } catch (RuntimeException e) {
            ctx.close();
            throw e;
        }
        ParallelContext pc = new ParallelContext(model, options, seqCtx, ctx, batch);
        pc.loop.start();
        if (pc.holder != null) {
            try {
                pc.candidates = List.of(pc.holder);
                pc.holder.prefill(prefix);
            } catch (RuntimeException e) {
                pc.close();
                throw e;
            }
        }
        return pc;
    }

    public Model model() {
        return model;
    }

    public ParallelOptions options() {
        return options;
    }

    /** How many sessions may be open at once. */
    public int sequences() {
        return slots.length;
    }

    /** Tokens each session's cache may hold. */
    public int sequenceContext() {
        return sequenceContext;
    }

    /** Length of the shared prefix evaluated at open (0 for none). */
    public int sharedPrefixLength() {
        return sharedLength;
    }

    /** Cells of the shared KV cache (llama.cpp may round the requested size up). */
    public int kvCells() {
        return ctx.contextSize();
    }

    /**
     * A new session on a free sequence.
     *
     * @throws EngineException.Busy   when all {@link #sequences()} sequences have open sessions
     * @throws EngineException.Closed when the context or its model is closed
     */
    public ParallelSession newSession() {
        checkOpen();
        synchronized (this) {
            for (int i = 0; i < slots.length; i++) {
                if (slots[i] == null) {
                    ParallelSession s = new ParallelSession(this, i, false);
                    slots[i] = s;
                    refreshCandidates();
                    return s;
                }
            }
        }
        throw new EngineException.Busy("all " + slots.length + " sequences of this parallel context have open sessions;"
                + " close one, or open the context with more sequences");
    }

    /** Sessions open now. */
    public synchronized int openSessions() {
        int n = 0;
        for (ParallelSession s : slots) {
            if (s != null) {
                n++;
            }
        }
        return n;
    }

    /** The session's close: its sequence is free again. */
    synchronized void release(ParallelSession s) {
        if (s.sequence() < slots.length && slots[s.sequence()] == s) {
            slots[s.sequence()] = null;
            refreshCandidates();
        }
    }

    private void refreshCandidates() {
        List<ParallelSession> c = new ArrayList<>(slots.length + 1);
        if (holder != null) {
            c.add(holder);
        }
        for (ParallelSession s : slots) {
            if (s != null) {
                c.add(s);
            }
        }
        candidates = List.copyOf(c);
    }

    List<ParallelSession> sharingCandidates() {
        return candidates;
    }

    DecodeLoop loop() {
        return loop;
    }

    /** The native context, for code on the decode thread. */
    LlamaContext llama() {
        return ctx;
    }

    /**
     * What the decode thread has done since the context opened, and what it does now. Cheap, any thread; the
     * numbers are read one by one, not as one snapshot.
     *
     * @param sequences             sessions the context can serve at once
     * @param openSessions          sessions open now
     * @param generating            generations (and prefills) the decode thread is running
     * @param queued                generations submitted and not yet started
     * @param decodeCalls           llama_decode calls
     * @param tokensDecoded         tokens those calls carried (prompt and generated)
     * @param promptTokensEvaluated prompt tokens run through the model
     * @param promptTokensReused    prompt tokens found in the cache (the session's own or copied from another)
     * @param tokensGenerated       tokens sampled and kept as output
     * @param generationsFinished   generations that ended with a result
     * @param kvCellsUsed           cells of the KV cache in use (a cell shared by sequences counts once)
     * @param kvCells               cells of the KV cache
     */
    public record Stats(int sequences, int openSessions, int generating, int queued, long decodeCalls, long tokensDecoded,
                        long promptTokensEvaluated, long promptTokensReused, long tokensGenerated, long generationsFinished,
                        int kvCellsUsed, int kvCells) {
        /** Tokens per decode call on average (1 = no batching happened). */
        public double meanBatch() {
            return decodeCalls == 0 ? 0 : (double) tokensDecoded / decodeCalls;
        }
    }

    public Stats stats() {
        return new Stats(slots.length, openSessions(), loop.running, loop.waiting, loop.decodeCalls.get(), loop.tokensDecoded.get(),
                loop.promptTokensEvaluated.get(), loop.promptTokensReused.get(), loop.tokensGenerated.get(),
                loop.jobsFinished.get(), loop.kvUsed, ctx.contextSize());
    }

    public boolean isOpen() {
        return guard.isOpen() && model.isOpen();
    }

    void checkOpen() {
        if (!isOpen()) {
            throw closedError();
        }
    }

    /** The guard the decode thread takes a lease of for each step; its parent is the model's. */
    NativeGuard guard() {
        return guard;
    }

    EngineException.Closed closedError() {
        return model.isOpen() ? new EngineException.Closed("parallel context of model " + model.path().getFileName())
                : new EngineException.Closed("model " + model.path().getFileName());
    }

    /**
     * Stops the decode thread (generations in progress and queued end with {@link EngineException.Closed}),
     * closes the sessions and frees the context. Idempotent; any thread.
     */
    @Override
    public void close() {
        guard.close();
    }

    /** The guard's abort action (this close or the model's): the decode in flight stops, the loop ends. */
    void abortInFlight() {
        loop.requestStop();
        abort.request();
    }

    /** The guard's free action: no step is in flight and none will start. */
    private void free() {
        loop.stop();
        List<ParallelSession> open = new ArrayList<>();
        synchronized (this) {
            for (int i = 0; i < slots.length; i++) {
                if (slots[i] != null) {
                    open.add(slots[i]);
                    slots[i] = null;
                }
            }
            candidates = List.of();
        }
        for (ParallelSession s : open) {
            s.close();
        }
        try {
            batch.close();
            ctx.close();
        } finally {
            model.forget(this);
            Adapter.detachAll(this, adapters, adapters);
        }
    }

    /** A session of this context sets {@code a}: the context holds it applied from now on, until it detaches it. */
    void attach(Adapter a) {
        synchronized (adapters) {
            if (adapters.contains(a)) {
                return;
            }
            a.attach(this); // Closed once the adapter is closing
            adapters.add(a);
        }
    }

    /**
     * Called by {@link Adapter#close()}: ends the generations that use {@code a} (Closed), takes it off the context
     * and out of every session, clears the cells computed under it, then lets it go. Waits for the decode thread
     * to do that between two steps.
     */
    boolean dropAdapter(Adapter a) {
        synchronized (adapters) {
            if (!adapters.contains(a)) {
                return true;
            }
        }
        try {
            loop.call(() -> {
                loop.dropAdapter(a);
                return null;
            });
        } catch (EngineException.Closed e) {
            return true; // closing: the free detaches every adapter, and the adapter's close waits for it
        }
        List<ParallelSession> sessions = new ArrayList<>();
        synchronized (this) {
            for (ParallelSession s : slots) {
                if (s != null) {
                    sessions.add(s);
                }
            }
        }
        for (ParallelSession s : sessions) {
            s.removeAdapter(a);
        }
        boolean was;
        synchronized (adapters) {
            was = adapters.remove(a);
        }
        if (was) {
            a.detached(this);
        }
        return true;
    }

    @Override
    public String toString() {
        return "ParallelContext[" + model.path().getFileName() + ", " + slots.length + " x " + sequenceContext + " tokens"
                + (isOpen() ? "]" : ", closed]");
    }
}
