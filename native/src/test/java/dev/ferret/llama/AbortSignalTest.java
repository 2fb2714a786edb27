package dev.ferret.llama;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A context's abort callback through the real library: decode code 2, and the stopped batch leaves the cache as it was. */
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
            assertTrue(ctx.abortSignal().calls() > 0, "ggml asked the callback");
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
    void abortReportsAreNotWarnings() {
        assertTrue(NativeLog.isAbortReport("llama_decode: failed to decode, ret = 2"));
        assertTrue(NativeLog.isAbortReport("graph_compute: ggml_backend_sched_graph_compute_async failed with error 1"));
        assertFalse(NativeLog.isAbortReport("llama_decode: failed to decode, ret = -3"));
    }
}
