package dev.ferret.llama;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link SamplerChain} through the real library, on the logits of one decoded prompt. */
class SamplerChainTest extends TinyModelTest {
    LlamaContext ctx;
    float[] logits;
    int argmax;

    @BeforeEach
    void decodeAPrompt() {
        ctx = model.newContext(NativeFixtures.ctxParams());
        try (Batch b = new Batch(64, 1)) {
            feed(ctx, b, model.vocab().tokenize("import requests", false, true), 0, 0);
        }
        logits = ctx.logits(-1);
        argmax = 0;
        for (int i = 1; i < logits.length; i++) {
            if (logits[i] > logits[argmax]) {
                argmax = i;
            }
        }
    }

    @AfterEach
    void closeTheContext() {
        ctx.close();
    }

    String piece(int token) {
        return new String(model.vocab().piece(token, false), StandardCharsets.UTF_8);
    }

    @Test
    void greedyTakesTheLargestLogit() {
        try (SamplerChain greedy = SamplerChain.builder().greedy().build()) {
            assertEquals(argmax, greedy.sample(ctx, -1));
        }
    }

    @Test
    void aBannedTokenIsNeverTaken() {
        try (SamplerChain banned = SamplerChain.builder().logitBias(logits.length, Map.of(argmax, Float.NEGATIVE_INFINITY)).greedy().build()) {
            assertNotEquals(argmax, banned.sample(ctx, -1));
        }
    }

    @Test
    void everyStepIsChainedInOrder() {
        try (SamplerChain all = SamplerChain.builder().penalties(64, 1.1f, 0.1f, 0.1f).topK(40).typical(1f, 1).topP(0.9f, 1)
                .minP(0.05f, 1).temperature(0.8f).dist(1234).build()) {
            int t = all.sample(ctx, -1);
            assertTrue(t >= 0 && t < logits.length);
            assertEquals(List.of("penalties", "top-k", "typical", "top-p", "min-p", "temp", "dist"), all.steps());
        }
    }

    @Test
    void theSameSeedDrawsTheSameToken() {
        try (SamplerChain a = SamplerChain.builder().temperature(1f).dist(7).build();
             SamplerChain c = SamplerChain.builder().temperature(1f).dist(7).build()) {
            assertEquals(a.sample(ctx, -1), c.sample(ctx, -1), "same seed, same draw");
        }
    }

    @Test
    void aGrammarAdmitsOnlyItsText() {
        int x = model.vocab().tokenize("x", false, false)[0];
        try (SamplerChain g = SamplerChain.builder().grammar(model.vocab(), "root ::= \"x\"", "root").greedy().build()) {
            assertEquals(x, g.sample(ctx, -1));
        }
    }

    @Test
    void theGrammarFollowsSampledAndAcceptedTokensUntilReset() {
        try (SamplerChain g = SamplerChain.builder().grammar(model.vocab(), "root ::= \"x\" \"y\"", "root").greedy().build()) {
            // sample() accepts what it draws: the second draw continues the grammar where the first left it
            StringBuilder text = new StringBuilder(piece(g.sample(ctx, -1)));
            if (!text.toString().equals("xy")) {
                assertEquals("x", text.toString());
                text.append(piece(g.sample(ctx, -1)));
            }
            assertEquals("xy", text.toString());
            g.reset();
            assertTrue(piece(g.sample(ctx, -1)).startsWith("x"), "reset starts the grammar over");
            g.reset();
            g.accept(model.vocab().tokenize("x", false, false)[0]); // appended elsewhere, e.g. by a drafter
            assertEquals("y", piece(g.sample(ctx, -1)));
        }
    }

    @Test
    void penaltiesCountAcceptedTokensUntilReset() {
        try (SamplerChain p = SamplerChain.builder().penalties(64, 1f, 1000f, 0f).greedy().build()) {
            p.accept(argmax);
            assertNotEquals(argmax, p.sample(ctx, -1), "a frequency penalty of 1000 on the top token moves greedy off it");
            p.reset();
            assertEquals(argmax, p.sample(ctx, -1), "reset forgets the history");
        }
    }

    @Test
    void badSamplerArgumentsAreTyped() {
        assertThrows(LlamaException.Sampler.class, () -> SamplerChain.builder().grammar(model.vocab(), "root ::= (\"a\"", "root").greedy().build());
        assertThrows(LlamaException.Sampler.class, () -> SamplerChain.builder().grammar(model.vocab(), "other ::= \"a\"", "root").greedy().build());
        assertThrows(IllegalArgumentException.class, () -> SamplerChain.builder().grammar(model.vocab(), " ", "root"));
        assertThrows(IllegalStateException.class, () -> SamplerChain.builder().topK(3).build());
        assertThrows(IllegalArgumentException.class, () -> SamplerChain.builder().logitBias(10, Map.of(10, 1f)));
    }

    @Test
    void aClosedChainIsRefusedAndClosesOnce() {
        SamplerChain c = SamplerChain.builder().greedy().build();
        c.close();
        c.close();
        assertThrows(LlamaException.Closed.class, c::reset);
        assertThrows(LlamaException.Closed.class, () -> c.sample(ctx, -1));
        assertThrows(LlamaException.Closed.class, () -> c.accept(argmax));
    }
}
