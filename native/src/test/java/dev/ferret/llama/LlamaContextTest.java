package dev.ferret.llama;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LlamaContextTest extends TinyModelTest {
    @Test
    void contextFullIsDecodeCodeOne() {
        ContextParams p = ContextParams.defaults().withContextSize(32).withBatchSize(32).withThreads(2);
        try (LlamaContext ctx = model.newContext(p); Batch b = new Batch(32, 1)) {
            int[] t = new int[32];
            java.util.Arrays.fill(t, 65);
            feed(ctx, b, t, 0, 0);
            b.clear();
            b.add(65, 32, 0, true);
            var e = assertThrows(LlamaException.Decode.class, () -> ctx.decode(b));
            assertTrue(e.code() != 0);
            assertTrue(e.noKvSlot(), e.getMessage());
            assertTrue(e.getMessage().contains("32 of 32 cells in use: the cache is full"), e.getMessage());
        }
    }

    @Test
    void scatteredFreeCellsAreNoKvSlotToo() {
        ContextParams p = ContextParams.defaults().withContextSize(32).withBatchSize(32).withMaxSequences(2).withThreads(1);
        try (LlamaContext ctx = model.newContext(p); Batch b = new Batch(32, 1)) {
            for (int i = 0; i < 16; i++) { // one token of each sequence per decode: their cells alternate
                b.clear();
                b.add(65 + i, i, 0, false);
                b.add(66 + i, i, 1, true);
                ctx.decode(b);
            }
            ctx.kvRemove(1, -1, -1); // 16 free cells, no two of them next to each other
            assertEquals(16, ctx.kvUsedCells());
            b.clear();
            b.add(70, 0, 1, false);
            b.add(71, 1, 1, true);
            var e = assertThrows(LlamaException.Decode.class, () -> ctx.decode(b));
            assertTrue(e.noKvSlot(), e.getMessage());
            assertTrue(e.getMessage().contains("16 of 32 cells in use; the free ones are scattered"), e.getMessage());
            b.clear();
            b.add(70, 0, 1, true);
            ctx.decode(b); // one token needs one cell
            assertEquals(17, ctx.kvUsedCells());
        }
    }

    @Test
    void anAbortedBatchLeavesNoCellsWhereCellsAndPositionsDiffer() {
        ContextParams p = ContextParams.defaults().withContextSize(64).withBatchSize(32).withThreads(1);
        try (LlamaContext ctx = model.newContext(p); Batch b = new Batch(32, 1)) {
            feed(ctx, b, new int[] {65, 66, 67, 68, 69, 70, 71, 72, 73, 74}, 0, 0);
            ctx.kvRemove(0, 0, 5); // cells 0-4 free: the next batch goes there, at positions 10-13
            ctx.abortSignal().request();
            var e = assertThrows(LlamaException.Decode.class, () -> feed(ctx, b, new int[] {75, 76, 77, 78}, 0, 10));
            assertEquals(2, e.code());
            ctx.abortSignal().clear();
            // llama.cpp alone removes positions 0-3 (the cell indices) and keeps cells 0-3 at positions 10-13
            assertEquals(5, ctx.kvUsedCells());
            assertEquals(9, ctx.kvPosMax(0));
        }
    }

    @Test
    void aBatchWhoseLaterMicroBatchFindsNoRoomIsTakenBackWhole() {
        ContextParams p = new ContextParams(32, 32, 8, 2, 1, 1, false, Threadpool.Settings.NONE);
        try (LlamaContext ctx = model.newContext(p); Batch b = new Batch(32, 1)) {
            int[] t = new int[28];
            java.util.Arrays.fill(t, 66);
            feed(ctx, b, t, 1, 0);
            ctx.kvRemove(1, 20, -1); // sequence 1 keeps cells 0-19; cells 20-31 are free
            int[] u = new int[16];
            java.util.Arrays.fill(u, 67);
            // micro-batch 1 (8 tokens) takes cells 20-27, micro-batch 2 finds 4 free cells for 8 tokens
            var e = assertThrows(LlamaException.Decode.class, () -> feed(ctx, b, u, 0, 100));
            assertTrue(e.noKvSlot(), e.getMessage());
            assertEquals(20, ctx.kvUsedCells(), "llama.cpp alone keeps micro-batch 1's 8 cells");
            assertEquals(19, ctx.kvPosMax(1));
            feed(ctx, b, new int[] {68, 69, 70, 71, 72, 73, 74, 75}, 0, 0); // the room is there again
            assertEquals(28, ctx.kvUsedCells());
        }
    }

    @Test
    void sequenceOperations() {
        int[] prompt = model.vocab().tokenize("class Foo(Protocol): pass", false, true);
        try (LlamaContext ctx = model.newContext(NativeFixtures.ctxParams()); Batch b = new Batch(64, 2)) {
            feed(ctx, b, prompt, 0, 0);
            float[] after0 = ctx.logits(-1);
            assertEquals(prompt.length - 1, ctx.kvPosMax(0));
            ctx.kvCopy(0, 1, -1, -1);
            assertEquals(prompt.length - 1, ctx.kvPosMax(1));
            assertEquals(prompt.length, ctx.kvUsedCells(), "a copy shares cells");
            // continue sequence 1 with one token, then compare with doing the same on sequence 0
            feed(ctx, b, new int[] {66}, 1, prompt.length);
            float[] seq1 = ctx.logits(-1);
            feed(ctx, b, new int[] {66}, 0, prompt.length);
            assertArrayEquals(seq1, ctx.logits(-1), 1e-5f);
            assertNotEquals(after0[0], seq1[0]);
            ctx.kvKeep(0);
            assertEquals(prompt.length, ctx.kvPosMax(0));
            assertEquals(prompt.length + 1, ctx.kvUsedCells());
            assertTrue(ctx.kvRemove(0, 3, -1));
            assertEquals(2, ctx.kvPosMax(0));
            ctx.kvClear();
            assertEquals(0, ctx.kvUsedCells());
        }
    }

    @Test
    void sequenceStateRoundTrip() {
        int[] prompt = model.vocab().tokenize("async def fetch(url): ...", false, true);
        byte[] state;
        float[] expected;
        try (LlamaContext ctx = model.newContext(NativeFixtures.ctxParams()); Batch b = new Batch(64, 1)) {
            feed(ctx, b, prompt, 0, 0);
            state = ctx.sequenceState(0);
            feed(ctx, b, new int[] {70}, 0, prompt.length);
            expected = ctx.logits(-1);
        }
        try (LlamaContext ctx = model.newContext(NativeFixtures.ctxParams()); Batch b = new Batch(64, 1)) {
            ctx.restoreSequenceState(0, state);
            assertEquals(prompt.length - 1, ctx.kvPosMax(0));
            feed(ctx, b, new int[] {70}, 0, prompt.length);
            assertArrayEquals(expected, ctx.logits(-1), 1e-5f);
            assertThrows(LlamaException.State.class, () -> ctx.restoreSequenceState(0, new byte[] {1, 2, 3}));
        }
    }

    @Test
    void perfCountersCount() {
        try (LlamaContext ctx = model.newContext(NativeFixtures.ctxParams()); Batch b = new Batch(64, 1)) {
            ctx.resetPerf();
            feed(ctx, b, new int[] {65, 66, 67}, 0, 0);
            feed(ctx, b, new int[] {68}, 0, 3);
            LlamaContext.Perf p = ctx.perf();
            // llama.cpp counts multi-token batches as prompt evaluation, single tokens as generation
            assertTrue(p.promptTokens() >= 1, p.toString());
            assertEquals(1, p.evalTokens(), p.toString());
        }
    }
}
