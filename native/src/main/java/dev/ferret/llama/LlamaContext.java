package dev.ferret.llama;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_FLOAT;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import dev.ferret.llama.internal.LlamaH;
import dev.ferret.llama.internal.Structs;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * A {@code llama_context}: a KV cache of {@link #contextSize()} cells shared by up to
 * {@link #maxSequences()} sequences, plus the output logits of the last decode. Single-threaded: one
 * thread at a time may use a context. Keeps its model open (the model's close closes it first). Owns the
 * CPU {@link Threadpool} it runs on, if any, and frees it after itself.
 */
public final class LlamaContext implements AutoCloseable {
    private final LlamaModel model;
    private MemorySegment handle;
    private final int nCtx;
    private final int nBatch;
    private final int nUbatch;
    private final int nSeqMax;
    private final int nVocab;
    // synchronized: an adapter's close may look through every context of its model from another thread
    private final Map<LoraAdapter, Float> adapters = java.util.Collections.synchronizedMap(new IdentityHashMap<>());
    private final AbortSignal abort;
    private final Arena arena;
    private Threadpool threadpool;
    /** The layout of this context's state for an empty sequence (null: a layout Ferret does not know). */
    private final SequenceStateLayout stateReference;

    LlamaContext(LlamaModel model, MemorySegment handle, AbortSignal abort, Arena arena, Threadpool threadpool) {
        this.model = model;
        this.handle = handle;
        this.abort = abort;
        this.arena = arena;
        this.threadpool = threadpool;
        this.nCtx = LlamaH.llama_n_ctx(handle);
        this.nBatch = LlamaH.llama_n_batch(handle);
        this.nUbatch = LlamaH.llama_n_ubatch(handle);
        this.nSeqMax = LlamaH.llama_n_seq_max(handle);
        this.nVocab = model.vocab().size();
        this.stateReference = SequenceStateLayout.reference(this);
    }

    MemorySegment handle() {
        MemorySegment h = handle;
        if (h == null) {
            throw new LlamaException.Closed("context");
        }
        return h;
    }

    public LlamaModel model() {
        return model;
    }

    public boolean isOpen() {
        return handle != null;
    }

    /**
     * This context's abort callback: {@link AbortSignal#request()} from any thread stops a {@link #decode} in
     * flight (it throws {@link LlamaException.Decode} with code 2) and every later one until cleared.
     */
    public AbortSignal abortSignal() {
        return abort;
    }

    /** Effective n_ctx (llama.cpp may round the requested size). */
    public int contextSize() {
        return nCtx;
    }

    /** Effective n_batch: the most tokens one {@link #decode} may carry. */
    public int batchSize() {
        return nBatch;
    }

    public int maxSequences() {
        return nSeqMax;
    }

    /**
     * Sets the threads for single-token decodes and for batches. A threadpool too small for the new count is
     * replaced by a larger one with the same settings.
     */
    public void setThreads(int decode, int batch) {
        ContextParams.range("decode threads", decode, 1, ContextParams.MAX_THREADS);
        ContextParams.range("batch threads", batch, 1, ContextParams.MAX_THREADS);
        MemorySegment h = handle();
        Threadpool old = threadpool;
        if (old != null && Math.max(decode, batch) > old.threads()) {
            Threadpool bigger = Threadpool.create(Math.max(decode, batch), old.settings());
            LlamaH.llama_attach_threadpool(h, bigger.handle(), MemorySegment.NULL);
            threadpool = bigger;
            old.close();
        }
        LlamaH.llama_set_n_threads(h, decode, batch);
    }

    /** The CPU threadpool this context runs on, or null when ggml makes one per decode. */
    public Threadpool threadpool() {
        return threadpool;
    }

    public int threads() {
        return LlamaH.llama_n_threads(handle());
    }

    /**
     * Runs the model over a batch. Checked in Java first: size within n_batch, token ids within the
     * vocabulary, sequence ids within n_seq_max (llama.cpp aborts the process on some of these). A batch of two
     * or more tokens waits for its turn among such decodes in the whole process ({@link SgemmTurns}); the abort
     * signal ends that wait too.
     *
     * <p>When the decode fails, the batch's cells are taken out of the cache: for each sequence in the batch,
     * its positions from the batch's lowest to its highest. llama.cpp means to do that itself, but b4916 and
     * b4980 remove the cells whose <em>positions</em> equal the cell indices the batch was given, so where
     * cells and positions differ (several sequences in one cache, or cells freed out of order) the failed
     * batch stayed, and an unrelated cell at such a position went. The first is undone here; the second can
     * only happen when a batch spans several micro-batches (n_batch &gt; n_ubatch) or is aborted, so a caller
     * that shares a cache between sequences should keep n_batch = n_ubatch and not abort while others go on.
     * (A failed batch that re-decodes positions its sequence already held loses those cells too.)
     *
     * @throws LlamaException.Decode with llama.cpp's code: 2 = aborted, other = error, and
     *                               {@link LlamaException.Decode#noKvSlot()} when no run of free cells was found
     */
    public void decode(Batch batch) {
        MemorySegment h = handle();
        int n = batch.size();
        if (n == 0) {
            throw new IllegalArgumentException("empty batch");
        }
        if (n > nBatch) {
            throw new IllegalArgumentException("batch of " + n + " tokens exceeds the context's n_batch " + nBatch);
        }
        batch.validate(nVocab, nSeqMax);
        // two or more tokens reach llamafile's sgemm, whose tile counter the whole process shares (SgemmTurns)
        boolean turn = n > 1;
        if (turn && !SgemmTurns.await(abort)) {
            throw new LlamaException.Decode("aborted by the abort callback (see abortSignal()) before it started", 2);
        }
        long mark = NativeLog.mark();
        int rc;
        try {
            rc = LlamaH.llama_decode(h, batch.struct());
        } finally {
            if (turn) {
                SgemmTurns.release();
            }
        }
        if (rc != 0) {
            java.util.List<String> log = NativeLog.since(mark, 4);
            takeBack(h, batch);
            int used = LlamaH.llama_kv_self_used_cells(h);
            // b4916/b4980 log "failed to prepare ubatch" and return -3 when find_slot finds no free run; llama.h
            // and later builds say 1
            boolean noSlot = rc == 1 || (rc == -3 && log.stream().anyMatch(l -> l.contains("failed to prepare ubatch")
                    || l.contains("memory slot") || l.contains("KV slot")));
            String why = noSlot ? "no run of " + Math.min(n, nUbatch) + " free KV-cache cells for a batch of " + n + " tokens ("
                      + used + " of " + nCtx + " cells in use" + (used + n > nCtx ? ": the cache is full)" : "; the free ones are scattered)")
                    : rc == 2 ? "aborted by the abort callback (see abortSignal())"
                    : "llama_decode failed with code " + rc + " (" + used + " of " + nCtx + " KV cells in use)";
            throw new LlamaException.Decode(LlamaException.withLog(why, log), rc, noSlot);
        }
    }

    /** Removes, per sequence, the positions a failed batch held (see {@link #decode}). */
    private static void takeBack(MemorySegment h, Batch batch) {
        java.util.Map<Integer, int[]> span = new java.util.HashMap<>();
        for (int i = 0; i < batch.size(); i++) {
            int p = batch.position(i);
            for (int seq : batch.sequences(i)) {
                span.merge(seq, new int[] {p, p}, (a, b) -> new int[] {Math.min(a[0], b[0]), Math.max(a[1], b[1])});
            }
        }
        span.forEach((seq, r) -> LlamaH.llama_kv_self_seq_rm(h, seq, r[0], r[1] + 1));
    }

    /**
     * The logits of batch position {@code i} (one whose logits flag was set) as a read-only native view,
     * valid until the next decode. Prefer {@link #logits(int)} for a copy.
     */
    public MemorySegment logitsView(int i) {
        MemorySegment p = LlamaH.llama_get_logits_ith(handle(), i);
        if (p.equals(MemorySegment.NULL)) {
            throw new IllegalArgumentException("no logits for batch index " + i + " (was its logits flag set?)");
        }
        return p.reinterpret(4L * nVocab).asReadOnly();
    }

    public float[] logits(int i) {
        return logitsView(i).toArray(JAVA_FLOAT);
    }

    // --- KV cache sequence operations -------------------------------------------------------------

    /** Removes cells of {@code seq} with positions in [p0, p1) (-1 = open end). False if it cannot. */
    public boolean kvRemove(int seq, int p0, int p1) {
        return LlamaH.llama_kv_self_seq_rm(handle(), seq, p0, p1);
    }

    /** Makes cells of {@code src} in [p0, p1) also belong to {@code dst} (no copy of the data). */
    public void kvCopy(int src, int dst, int p0, int p1) {
        checkSeq(src);
        checkSeq(dst);
        LlamaH.llama_kv_self_seq_cp(handle(), src, dst, p0, p1);
    }

    /** Drops every cell not belonging to {@code seq}. */
    public void kvKeep(int seq) {
        checkSeq(seq);
        LlamaH.llama_kv_self_seq_keep(handle(), seq);
    }

    /** Shifts positions of {@code seq} in [p0, p1) by {@code delta}. */
    public void kvShift(int seq, int p0, int p1, int delta) {
        checkSeq(seq);
        LlamaH.llama_kv_self_seq_add(handle(), seq, p0, p1, delta);
    }

    /**
     * Largest position held for {@code seq}. For a sequence with no cells b4916 and b4980 answer 0, as for a
     * sequence holding position 0 alone: tell them apart with {@link #kvUsedCells()} or the caller's own count.
     */
    public int kvPosMax(int seq) {
        checkSeq(seq);
        return LlamaH.llama_kv_self_seq_pos_max(handle(), seq);
    }

    public void kvClear() {
        LlamaH.llama_kv_self_clear(handle());
    }

    public int kvUsedCells() {
        return LlamaH.llama_kv_self_used_cells(handle());
    }

    private void checkSeq(int seq) {
        if (seq < 0 || seq >= nSeqMax) {
            throw new IllegalArgumentException("sequence id " + seq + " outside [0, " + nSeqMax + ")");
        }
    }

    // --- sequence state ---------------------------------------------------------------------------

    /** The KV state of one sequence as bytes (llama.cpp's own format). */
    public byte[] sequenceState(int seq) {
        checkSeq(seq);
        long size = LlamaH.llama_state_seq_get_size(handle(), seq);
        if (size > Integer.MAX_VALUE - 8) {
            throw new LlamaException.State("sequence state of " + size + " bytes is too large for one array");
        }
        try (Arena a = Arena.ofConfined()) {
            MemorySegment buf = a.allocate(Math.max(1, size));
            long n = LlamaH.llama_state_seq_get_data(handle(), buf, size, seq);
            if (n != size) {
                throw new LlamaException.State("llama.cpp wrote " + n + " of " + size + " state bytes");
            }
            return buf.asSlice(0, n).toArray(JAVA_BYTE);
        }
    }

    /**
     * Restores a sequence's KV state saved by {@link #sequenceState}. The bytes are checked in Java first
     * ({@link SequenceStateLayout}): at most {@link #contextSize()} cells, and the layer count, types and row
     * sizes this context writes itself; a state that does not fit gives {@link LlamaException.State} naming the
     * field, before llama.cpp sees it. The sequence is emptied first, as llama.cpp does.
     */
    public void restoreSequenceState(int seq, byte[] state) {
        restore(seq, state, -1);
    }

    /**
     * {@link #restoreSequenceState} for a prefix: the state must hold exactly {@code length} cells, at positions
     * 0 to {@code length - 1} (each once, in any cell order).
     */
    public void restorePrefixState(int seq, byte[] state, int length) {
        restore(seq, state, length);
    }

    private void restore(int seq, byte[] state, int length) {
        checkSeq(seq);
        if (length >= 0 && state.length >= 4) {
            long cells = Integer.toUnsignedLong(java.nio.ByteBuffer.wrap(state).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt(0));
            if (cells != length) {
                throw new LlamaException.State("invalid sequence state: cell_count is " + cells + ", the prefix has " + length + " tokens");
            }
        }
        SequenceStateLayout.parse(state, nCtx, length >= 0, stateReference());
        kvRemove(seq, -1, -1);
        long mark = NativeLog.mark();
        try (Arena a = Arena.ofConfined()) {
            MemorySegment buf = a.allocateFrom(JAVA_BYTE, state);
            long n = LlamaH.llama_state_seq_set_data(handle(), buf, state.length, seq);
            if (n == 0) {
                throw new LlamaException.State(LlamaException.withLog("llama.cpp rejected the sequence state (" + state.length + " bytes)", NativeLog.since(mark, 4)));
            }
        }
    }

    /** What a restored state must match; taken when the context was new and every sequence empty. */
    private SequenceStateLayout stateReference() {
        if (stateReference == null) {
            throw new LlamaException.State("this llama.cpp build writes sequence states in a layout Ferret does not know,"
                    + " so it cannot check one before restoring it");
        }
        return stateReference;
    }

    /**
     * Bytes of {@link #sequenceState} for a sequence of {@code cells} cells, as this context writes it.
     *
     * @throws IllegalArgumentException for a negative {@code cells}
     */
    public long sequenceStateSize(int cells) {
        if (cells < 0) {
            throw new IllegalArgumentException("cells must be 0 or more, got " + cells);
        }
        return stateReference().bytesFor(cells);
    }

    // --- adapters ---------------------------------------------------------------------------------

    /** Applies a LoRA adapter of this context's model with the given scale (0 = no effect). */
    public void setAdapter(LoraAdapter adapter, float scale) {
        if (adapter.model() != model) {
            throw new LlamaException.Adapter("adapter " + adapter.path().getFileName() + " belongs to another model");
        }
        if (!Float.isFinite(scale)) {
            throw new IllegalArgumentException("adapter scale must be finite: " + scale);
        }
        int rc = LlamaH.llama_set_adapter_lora(handle(), adapter.handle(), scale);
        if (rc != 0) {
            throw new LlamaException.Adapter("llama_set_adapter_lora failed with code " + rc);
        }
        adapters.put(adapter, scale);
    }

    /** Removes one adapter from this context; false if it was not set. */
    public boolean removeAdapter(LoraAdapter adapter) {
        if (handle == null || adapters.remove(adapter) == null) {
            return false;
        }
        return LlamaH.llama_rm_adapter_lora(handle, adapter.handle()) == 0;
    }

    public void clearAdapters() {
        LlamaH.llama_clear_adapter_lora(handle());
        adapters.clear();
    }

    public Map<LoraAdapter, Float> adapters() {
        synchronized (adapters) {
            return Map.copyOf(adapters);
        }
    }

    // --- performance ------------------------------------------------------------------------------

    /** llama.cpp's own counters since creation or {@link #resetPerf()}. */
    public Perf perf() {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment s = LlamaH.llama_perf_context(a, handle());
            return new Perf(s.get(JAVA_DOUBLE, Structs.offset(Structs.PERF_CONTEXT_DATA, "t_p_eval_ms")),
                    s.get(JAVA_DOUBLE, Structs.offset(Structs.PERF_CONTEXT_DATA, "t_eval_ms")),
                    s.get(JAVA_INT, Structs.offset(Structs.PERF_CONTEXT_DATA, "n_p_eval")),
                    s.get(JAVA_INT, Structs.offset(Structs.PERF_CONTEXT_DATA, "n_eval")));
        }
    }

    public void resetPerf() {
        LlamaH.llama_perf_context_reset(handle());
    }

    /** Prompt-eval and eval time (ms) and token counts as llama.cpp measured them. */
    public record Perf(double promptMs, double evalMs, int promptTokens, int evalTokens) {}

    @Override
    public void close() {
        MemorySegment h = handle;
        if (h == null) {
            return;
        }
        handle = null;
        adapters.clear();
        model.forget(this);
        LlamaH.llama_free(h);
        arena.close(); // the abort callback's stub; llama.cpp no longer holds it
        // the pool outlives the context that computes on it
        Threadpool pool = threadpool;
        threadpool = null;
        if (pool != null) {
            pool.close();
        }
        HeapTrim.soon(); // the KV cache and compute buffers, back to the system once things are quiet
    }
}
