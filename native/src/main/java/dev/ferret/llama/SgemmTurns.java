package dev.ferret.llama;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Turns, process-wide, for the native calls that can reach llamafile's sgemm in the llama.cpp builds Ferret runs
 * (b4916 bundled, b4980 built; {@code ggml/src/ggml-cpu/llamafile/sgemm.cpp}, {@code tinyBLAS::gemm}).
 *
 * <p>That kernel hands out its tiles from a counter that is a function-level {@code static}: one per process,
 * not one per graph. Two graphs computed at the same time (two contexts, on two threads) take each other's tiles,
 * and each leaves the tiles the other took unwritten, so its output holds whatever that memory held before. Seen
 * here as greedy replies that differed from a lone session's (5 of 600 prompts on two threads, none on one) and,
 * when the stale bytes happened to be all ones, as a row of NaN logits (the attention scores {@code K·Q} of layer
 * 0, in blocks of 16 cells). llama.cpp's own tools compute one graph at a time; upstream found the shared counter
 * in June 2025 (llama.cpp PR 14035, a thread-safety test) and later builds keep it per threadpool.
 *
 * <p>sgemm runs only for products with two or more columns, that is for every decode of two or more tokens
 * (prompts, speculative verification, parallel batches) on the CPU. {@link LlamaContext#decode} takes a turn for
 * those; one-token decodes never reach sgemm and run side by side. A turn is waited for without blocking an abort:
 * the context's {@link AbortSignal} ends the wait as it would end the decode.
 */
public final class SgemmTurns {
    private static final ReentrantLock TURN = new ReentrantLock(true);

    private SgemmTurns() {
    }

    /**
     * Waits for the turn, or gives up when {@code abort} is requested, or when this thread is interrupted while
     * {@code abort} watches it. Keeps the thread's interrupt flag.
     *
     * @return false when it gave up (nothing is held)
     */
    static boolean await(AbortSignal abort) {
        boolean interrupted = false;
        try {
            while (true) {
                if (abort.isRequested() || ((interrupted || Thread.currentThread().isInterrupted()) && abort.watches(Thread.currentThread()))) {
                    return false;
                }
                try {
                    if (TURN.tryLock(2, TimeUnit.MILLISECONDS)) {
                        return true;
                    }
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    static void release() {
        TURN.unlock();
    }

    /**
     * Runs {@code work} holding the turn, for native code that computes graphs outside {@link LlamaContext} (the JNI
     * backend's server loop runs every request's decodes in one call). Waits uninterruptibly.
     */
    public static <T> T run(Supplier<T> work) {
        TURN.lock();
        try {
            return work.get();
        } finally {
            TURN.unlock();
        }
    }

    /** True while some thread holds the turn (for tests). */
    static boolean isHeld() {
        return TURN.isLocked();
    }
}
