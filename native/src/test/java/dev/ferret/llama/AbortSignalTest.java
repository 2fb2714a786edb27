package dev.ferret.llama;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferret.llama.internal.LlamaH;
import org.junit.jupiter.api.Test;

/**
 * A context's abort callback through the real library: decode code 2, and the stopped batch leaves the cache as it
 * was; both callbacks (the native flag read and the Java upcall) stop a decode that has already started.
 */
class AbortSignalTest extends TinyModelTest {
    static void fill(Batch b, int from, int n) {
        b.clear();
        for (int i = 0; i < n; i++) {
            b.add(60 + (from + i) % 50, from + i, 0, i == n - 1);
        }
    }

    @Test
    void aRequestedAbortStopsTheDecodeAndTheCacheKeepsOnlyWhatWasDecodedBefore() {
        try (LlamaContext ctx = model.newContext(NativeFixtures.ctxParams()); Batch b = new Batch(32, 1);
             LlamaContext ref = model.newContext(NativeFixtures.ctxParams())) {
            fill(b, 0, 20);
            ctx.decode(b);
            assertEquals(20, ctx.kvUsedCells());
            ctx.abortSignal().request();
            fill(b, 20, 12);
            LlamaException.Decode e = assertThrows(LlamaException.Decode.class, () -> ctx.decode(b));
            assertEquals(2, e.code());
            assertEquals(20, ctx.kvUsedCells(), "llama.cpp takes the stopped batch's cells back");
            assertEquals(19, ctx.kvPosMax(0));
            assertThrows(LlamaException.Decode.class, () -> ctx.decode(b), "it stays requested until cleared");
            ctx.abortSignal().clear();
            ctx.decode(b);
            // the same two batches in a context that was never stopped give the same logits
            try (Batch same = new Batch(32, 1)) {
                fill(same, 0, 20);
                ref.decode(same);
                fill(same, 20, 12);
                ref.decode(same);
            }
            assertArrayEquals(ref.logits(-1), ctx.logits(-1));
        }
    }

    @Test
    void anInterruptOfTheWatchedThreadStopsTheDecode() {
        try (LlamaContext ctx = model.newContext(NativeFixtures.ctxParams()); Batch b = new Batch(32, 1)) {
            fill(b, 0, 8);
            ctx.abortSignal().watch(Thread.currentThread());
            Thread.currentThread().interrupt();
            try {
                assertEquals(2, assertThrows(LlamaException.Decode.class, () -> ctx.decode(b)).code());
            } finally {
                Thread.interrupted();
            }
            assertEquals(0, ctx.kvUsedCells());
            ctx.decode(b); // not interrupted any more
            Thread.currentThread().interrupt();
            ctx.abortSignal().watch(null);
            try {
                fill(b, 8, 8);
                ctx.decode(b); // an interrupt of an unwatched thread changes nothing
            } finally {
                Thread.interrupted();
            }
            assertEquals(16, ctx.kvUsedCells());
        }
    }

    @Test
    void theNativeFlagStopsADecodeThatHasStarted() {
        try (LlamaContext ctx = model.newContext(NativeFixtures.ctxParams()); Batch b = new Batch(64, 1)) {
            fill(b, 0, 8);
            AbortSignal signal = ctx.abortSignal();
            assertTrue(signal.arm(ctx.handle(), b.size()), "nothing requested yet");
            // requested after the check in Java: only the callback inside llama_decode can see it
            signal.request();
            assertEquals(2, LlamaH.llama_decode(ctx.handle(), b.struct()));
            assertEquals(0, signal.calls(), "a small batch with no watched thread never calls into Java");
            assertEquals(0, ctx.kvUsedCells());
            signal.clear();
            ctx.decode(b);
            assertEquals(8, ctx.kvUsedCells());
        }
    }

    @Test
    void aWatchedThreadsInterruptStopsALargeBatchThatHasStarted() {
        try (LlamaContext ctx = model.newContext(NativeFixtures.ctxParams()); Batch b = new Batch(64, 1)) {
            fill(b, 0, AbortSignal.WATCHED_BATCH_MIN);
            AbortSignal signal = ctx.abortSignal();
            signal.watch(Thread.currentThread());
            try {
                assertTrue(signal.arm(ctx.handle(), b.size()));
                Thread.currentThread().interrupt(); // after the check in Java: the upcall must see it
                assertEquals(2, LlamaH.llama_decode(ctx.handle(), b.struct()));
                assertTrue(signal.calls() > 0, "ggml asked the Java callback");
            } finally {
                Thread.interrupted();
                signal.watch(null);
            }
            assertEquals(0, ctx.kvUsedCells());
            ctx.decode(b); // back to the native callback: decodes normally
            assertEquals(AbortSignal.WATCHED_BATCH_MIN, ctx.kvUsedCells());
        }
    }

    @Test
    void abortReportsAreNotWarnings() {
        assertTrue(NativeLog.isAbortReport("llama_decode: failed to decode, ret = 2"));
        assertTrue(NativeLog.isAbortReport("graph_compute: ggml_backend_sched_graph_compute_async failed with error 1"));
        assertFalse(NativeLog.isAbortReport("llama_decode: failed to decode, ret = -3"));
    }
}
