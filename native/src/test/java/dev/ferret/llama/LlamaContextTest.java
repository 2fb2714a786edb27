package dev.ferret.llama;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferret.gguf.GgufType;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LlamaContextTest {
    static LlamaModel model;

    @BeforeAll
    static void load() {
        model = LlamaModel.load(LlamaBackend.get(), NativeFixtures.model("tiny", GgufType.Q8_0), ModelParams.defaults(), null);
    }

    @AfterAll
    static void close() {
        model.close();
    }

    static void feed(LlamaContext ctx, Batch b, int[] tokens, int seq, int from) {
        b.clear();
        for (int i = 0; i < tokens.length; i++) {
            b.add(tokens[i], from + i, seq, i == tokens.length - 1);
        }
        ctx.decode(b);
    }

    @Test
    void batchIsCheckedBeforeNativeCode() {
        try (LlamaContext ctx = model.newContext(NativeFixtures.ctxParams()); Batch big = new Batch(128, 1); Batch b = new Batch(8, 1)) {
            for (int i = 0; i < 65; i++) {
                big.add(1, i, 0, false);
            }
            assertThrows(IllegalArgumentException.class, () -> ctx.decode(big), "more than n_batch");
            b.add(model.vocab().size(), 0, 0, true);
            assertThrows(IllegalArgumentException.class, () -> ctx.decode(b), "token out of range");
            b.clear();
            b.add(1, 0, 9, true);
            assertThrows(IllegalArgumentException.class, () -> ctx.decode(b), "sequence out of range");
            b.clear();
            assertThrows(IllegalArgumentException.class, () -> ctx.decode(b), "empty");
            assertThrows(IllegalArgumentException.class, () -> b.add(1, -1, 0, true));
        }
    }

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

    @Test
    void samplers() {
        int[] prompt = model.vocab().tokenize("import requests", false, true);
        try (LlamaContext ctx = model.newContext(NativeFixtures.ctxParams()); Batch b = new Batch(64, 1)) {
            feed(ctx, b, prompt, 0, 0);
            float[] logits = ctx.logits(-1);
            int argmax = 0;
            for (int i = 1; i < logits.length; i++) {
                if (logits[i] > logits[argmax]) {
                    argmax = i;
                }
            }
            try (SamplerChain greedy = SamplerChain.builder().greedy().build()) {
                assertEquals(argmax, greedy.sample(ctx, -1));
            }
            try (SamplerChain banned = SamplerChain.builder().logitBias(logits.length, Map.of(argmax, Float.NEGATIVE_INFINITY)).greedy().build()) {
                assertNotEquals(argmax, banned.sample(ctx, -1));
            }
            try (SamplerChain all = SamplerChain.builder().penalties(64, 1.1f, 0.1f, 0.1f).topK(40).typical(1f, 1).topP(0.9f, 1)
                    .minP(0.05f, 1).temperature(0.8f).dist(1234).build()) {
                int t = all.sample(ctx, -1);
                assertTrue(t >= 0 && t < logits.length);
                assertEquals(7, all.steps().size());
            }
            try (SamplerChain a = SamplerChain.builder().temperature(1f).dist(7).build();
                 SamplerChain c = SamplerChain.builder().temperature(1f).dist(7).build()) {
                assertEquals(a.sample(ctx, -1), c.sample(ctx, -1), "same seed, same draw");
            }
            int x = model.vocab().tokenize("x", false, false)[0];
            try (SamplerChain g = SamplerChain.builder().grammar(model.vocab(), "root ::= \"x\"", "root").greedy().build()) {
                assertEquals(x, g.sample(ctx, -1));
            }
        }
    }

    @Test
    void badSamplerArgumentsAreTyped() {
        assertThrows(LlamaException.Sampler.class, () -> SamplerChain.builder().grammar(model.vocab(), "root ::= (\"a\"", "root").greedy().build());
        assertThrows(LlamaException.Sampler.class, () -> SamplerChain.builder().grammar(model.vocab(), "other ::= \"a\"", "root").greedy().build());
        assertThrows(IllegalStateException.class, () -> SamplerChain.builder().topK(3).build());
        assertThrows(IllegalArgumentException.class, () -> SamplerChain.builder().logitBias(10, Map.of(10, 1f)));
        SamplerChain c = SamplerChain.builder().greedy().build();
        c.close();
        c.close();
        assertThrows(LlamaException.Closed.class, c::reset);
        assertFalse(false);
    }
}
