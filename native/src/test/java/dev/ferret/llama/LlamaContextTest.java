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
            assertTrue(e.getMessage().contains("32 of 32 KV cells in use") || e.code() == 1, e.getMessage());
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
