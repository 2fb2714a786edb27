package dev.ferret.llama;

import dev.ferret.llama.internal.LlamaH;
import dev.ferret.llama.internal.Structs;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Parameters of {@code llama_init_from_model}, seeded from {@code llama_context_default_params}.
 * Read the effective values back from the context ({@link LlamaContext#contextSize()}): llama.cpp rounds.
 *
 * @param contextSize   n_ctx, tokens the KV cache holds (0 = the model's training context)
 * @param batchSize     n_batch, the most tokens one llama_decode call may carry
 * @param ubatchSize    n_ubatch, the physical batch
 * @param maxSequences  n_seq_max, distinct sequence ids the context serves
 * @param threads       threads for single-token decoding
 * @param threadsBatch  threads for prompt processing
 * @param flashAttention use flash attention where the backend has it
 * @param threadpool    the CPU threadpool the context keeps (see {@link Threadpool}); default
 *                      {@link Threadpool.Settings#DEFAULT}, as llama.cpp's own tools run
 */
public record ContextParams(int contextSize, int batchSize, int ubatchSize, int maxSequences,
                            int threads, int threadsBatch, boolean flashAttention, Threadpool.Settings threadpool) {
    /** ggml's GGML_MAX_N_THREADS (b4916, b4980): its per-thread arrays have this many slots; more crashes it. */
    public static final int MAX_THREADS = 512;
    /** Largest n_ctx, n_batch or n_ubatch Ferret passes: 2^24 tokens, above any model's training context. */
    public static final int MAX_CONTEXT = 1 << 24;
    /**
     * Largest n_seq_max Ferret passes. b4916 has no limit of its own but reserves logits for n_seq_max outputs
     * (later llama.cpp builds cap it at 64).
     */
    public static final int MAX_SEQUENCES = 256;

    public ContextParams {
        if (threadpool == null) {
            throw new IllegalArgumentException("threadpool settings must not be null (use Threadpool.Settings.NONE)");
        }
    }

    public static ContextParams defaults() {
        LlamaBackend.get();
        try (Arena a = Arena.ofConfined()) {
            MemorySegment s = LlamaH.llama_context_default_params(a);
            return new ContextParams(
                    s.get(ValueLayout.JAVA_INT, Structs.offset(Structs.CONTEXT_PARAMS, "n_ctx")),
                    s.get(ValueLayout.JAVA_INT, Structs.offset(Structs.CONTEXT_PARAMS, "n_batch")),
                    s.get(ValueLayout.JAVA_INT, Structs.offset(Structs.CONTEXT_PARAMS, "n_ubatch")),
                    s.get(ValueLayout.JAVA_INT, Structs.offset(Structs.CONTEXT_PARAMS, "n_seq_max")),
                    s.get(ValueLayout.JAVA_INT, Structs.offset(Structs.CONTEXT_PARAMS, "n_threads")),
                    s.get(ValueLayout.JAVA_INT, Structs.offset(Structs.CONTEXT_PARAMS, "n_threads_batch")),
                    s.get(ValueLayout.JAVA_BOOLEAN, Structs.offset(Structs.CONTEXT_PARAMS, "flash_attn")),
                    Threadpool.Settings.DEFAULT);
        }
    }

    public ContextParams withContextSize(int n) {
        return new ContextParams(n, batchSize, ubatchSize, maxSequences, threads, threadsBatch, flashAttention, threadpool);
    }

    public ContextParams withBatchSize(int n) {
        return new ContextParams(contextSize, n, Math.min(ubatchSize, n), maxSequences, threads, threadsBatch, flashAttention, threadpool);
    }

    public ContextParams withMaxSequences(int n) {
        return new ContextParams(contextSize, batchSize, ubatchSize, n, threads, threadsBatch, flashAttention, threadpool);
    }

    public ContextParams withThreads(int n) {
        return new ContextParams(contextSize, batchSize, ubatchSize, maxSequences, n, n, flashAttention, threadpool);
    }

    public ContextParams withThreads(int decode, int batch) {
        return new ContextParams(contextSize, batchSize, ubatchSize, maxSequences, decode, batch, flashAttention, threadpool);
    }

    public ContextParams withThreadpool(Threadpool.Settings settings) {
        return new ContextParams(contextSize, batchSize, ubatchSize, maxSequences, threads, threadsBatch, flashAttention, settings);
    }

    /** Checks every field before llama.cpp sees it; an out-of-range value names the field and its range. */
    void validate() {
        range("n_ctx (contextSize)", contextSize, 0, MAX_CONTEXT);
        range("n_batch (batchSize)", batchSize, 1, MAX_CONTEXT);
        range("n_ubatch (ubatchSize)", ubatchSize, 1, MAX_CONTEXT);
        range("n_seq_max (maxSequences)", maxSequences, 1, MAX_SEQUENCES);
        range("n_threads (threads)", threads, 1, MAX_THREADS);
        range("n_threads_batch (threadsBatch)", threadsBatch, 1, MAX_THREADS);
    }

    static void range(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be " + min + " to " + max + ", got " + value);
        }
    }

    MemorySegment toNative(Arena arena) {
        validate();
        MemorySegment s = LlamaH.llama_context_default_params(arena);
        s.set(ValueLayout.JAVA_INT, Structs.offset(Structs.CONTEXT_PARAMS, "n_ctx"), contextSize);
        s.set(ValueLayout.JAVA_INT, Structs.offset(Structs.CONTEXT_PARAMS, "n_batch"), batchSize);
        s.set(ValueLayout.JAVA_INT, Structs.offset(Structs.CONTEXT_PARAMS, "n_ubatch"), ubatchSize);
        s.set(ValueLayout.JAVA_INT, Structs.offset(Structs.CONTEXT_PARAMS, "n_seq_max"), maxSequences);
        s.set(ValueLayout.JAVA_INT, Structs.offset(Structs.CONTEXT_PARAMS, "n_threads"), threads);
        s.set(ValueLayout.JAVA_INT, Structs.offset(Structs.CONTEXT_PARAMS, "n_threads_batch"), threadsBatch);
        s.set(ValueLayout.JAVA_BOOLEAN, Structs.offset(Structs.CONTEXT_PARAMS, "flash_attn"), flashAttention);
        // we read performance counters ourselves; keep llama.cpp's perf timers on
        s.set(ValueLayout.JAVA_BOOLEAN, Structs.offset(Structs.CONTEXT_PARAMS, "no_perf"), false);
        return s;
    }
}
