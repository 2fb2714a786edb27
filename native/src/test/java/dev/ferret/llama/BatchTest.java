package dev.ferret.llama;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@link Batch}: its own bounds in Java, what a context checks before decoding it, and tokens shared by sequences. */
class BatchTest extends TinyModelTest {
    @Test
    void sizesMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new Batch(0, 1));
        assertThrows(IllegalArgumentException.class, () -> new Batch(4, 0));
    }

    @Test
    void addReturnsTheIndexAndClearEmptiesIt() {
        try (Batch b = new Batch(4, 1)) {
            assertEquals(4, b.capacity());
            assertEquals(0, b.add(11, 0, 0, false));
            assertEquals(1, b.add(12, 1, 0, true));
            assertEquals(2, b.size());
            assertEquals(11, b.token(0));
            assertEquals(12, b.token(1));
            b.clear();
            assertEquals(0, b.size());
            assertEquals(0, b.add(13, 0, 0, true));
            assertEquals(13, b.token(0));
        }
    }

    @Test
    void aFullBatchSaysItsCapacity() {
        try (Batch b = new Batch(2, 1)) {
            b.add(1, 0, 0, false);
            b.add(1, 1, 0, false);
            var e = assertThrows(IllegalStateException.class, () -> b.add(1, 2, 0, true));
            assertTrue(e.getMessage().contains("2 tokens"), e.getMessage());
            assertEquals(2, b.size());
        }
    }

    @Test
    void sequenceIdsPerTokenAndPositionsAreBounded() {
        try (Batch b = new Batch(4, 2)) {
            assertThrows(IllegalArgumentException.class, () -> b.add(1, 0, new int[0], true));
            assertThrows(IllegalArgumentException.class, () -> b.add(1, 0, new int[] {0, 1, 2}, true));
            assertThrows(IllegalArgumentException.class, () -> b.add(1, -1, 0, true));
            assertEquals(0, b.size(), "a refused token is not added");
        }
    }

    @Test
    void aClosedBatchIsRefusedAndClosesOnce() {
        Batch b = new Batch(4, 1);
        b.close();
        b.close();
        assertThrows(LlamaException.Closed.class, () -> b.add(1, 0, 0, true));
        assertThrows(LlamaException.Closed.class, b::clear);
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
        }
    }

    @Test
    void aTokenOfTwoSequencesLandsInBoth() {
        int[] prompt = model.vocab().tokenize("class Foo(Protocol): pass", false, true);
        try (LlamaContext ctx = model.newContext(NativeFixtures.ctxParams()); Batch b = new Batch(64, 2)) {
            for (int i = 0; i < prompt.length; i++) {
                b.add(prompt[i], i, new int[] {0, 1}, i == prompt.length - 1);
            }
            ctx.decode(b);
            assertEquals(prompt.length - 1, ctx.kvPosMax(0));
            assertEquals(prompt.length - 1, ctx.kvPosMax(1));
            assertEquals(prompt.length, ctx.kvUsedCells(), "one cell per token, shared by both sequences");
        }
    }
}
