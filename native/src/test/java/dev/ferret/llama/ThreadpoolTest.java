package dev.ferret.llama;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The CPU threadpool a context owns: made, attached, resized and freed with it, and it changes no result. */
class ThreadpoolTest extends TinyModelTest {
    @Test
    void theLibraryOffersThreadpools() {
        // both Linux libraries Ferret uses (bundled b4916, b4980 CPU build) export the CPU backend's functions
        assertTrue(Threadpool.isSupported(), NativeLibrary.describe());
    }

    @Test
    void badSettingsAreRefusedInJava() {
        assertThrows(IllegalArgumentException.class, () -> Threadpool.Settings.DEFAULT.withPoll(101));
        assertThrows(IllegalArgumentException.class, () -> Threadpool.Settings.DEFAULT.withPoll(-1));
        assertThrows(IllegalArgumentException.class, () -> new Threadpool.Settings(true, 50, null, false));
        assertThrows(IllegalArgumentException.class, () -> Threadpool.create(0, Threadpool.Settings.DEFAULT));
        assertThrows(IllegalArgumentException.class, () -> Threadpool.create(Threadpool.MAX_THREADS + 1, Threadpool.Settings.DEFAULT));
        assertThrows(IllegalArgumentException.class, () -> NativeFixtures.ctxParams().withThreadpool(null));
    }

    @Test
    void closeIsIdempotentAndUseAfterCloseIsTyped() {
        Threadpool p = Threadpool.create(2, Threadpool.Settings.DEFAULT.withPoll(0));
        assertTrue(p.isOpen());
        assertEquals(2, p.threads());
        p.close();
        p.close();
        assertFalse(p.isOpen());
        assertThrows(LlamaException.Closed.class, p::handle);
    }

    @Test
    void aContextOwnsItsPoolAndFreesItAfterItself() {
        Threadpool pool;
        try (LlamaContext ctx = model.newContext(NativeFixtures.ctxParams().withThreads(2, 1))) {
            pool = ctx.threadpool();
            assertNotNull(pool, "the default settings attach a pool");
            assertEquals(2, pool.threads(), "sized for the larger of the two thread counts");
            assertTrue(pool.isOpen());
        }
        assertFalse(pool.isOpen(), "closing the context freed its pool");
        try (LlamaContext ctx = model.newContext(NativeFixtures.ctxParams().withThreadpool(Threadpool.Settings.NONE))) {
            assertNull(ctx.threadpool());
        }
    }

    @Test
    void moreThreadsReplaceThePoolAndFewerKeepIt() {
        try (LlamaContext ctx = model.newContext(NativeFixtures.ctxParams().withThreads(1)); Batch b = new Batch(8, 1)) {
            Threadpool first = ctx.threadpool();
            ctx.setThreads(1, 1);
            assertSame(first, ctx.threadpool());
            ctx.setThreads(2, 3);
            Threadpool second = ctx.threadpool();
            assertNotSame(first, second);
            assertFalse(first.isOpen(), "the replaced pool was freed");
            assertEquals(3, second.threads());
            assertEquals(2, ctx.threads());
            b.add(65, 0, 0, true);
            ctx.decode(b); // runs on the new pool
            assertThrows(IllegalArgumentException.class, () -> ctx.setThreads(0, 1));
            assertThrows(IllegalArgumentException.class, () -> ctx.setThreads(1, Threadpool.MAX_THREADS + 1));
        }
    }

    @Test
    void logitsAreTheSameWithAndWithoutAPool() {
        int[] prompt = model.vocab().tokenize("def main():\n    return Client(Protocol)", false, true);
        float[][] out = new float[3][];
        Threadpool.Settings[] settings = {Threadpool.Settings.NONE, Threadpool.Settings.DEFAULT,
                new Threadpool.Settings(true, 0, Threadpool.Priority.MEDIUM, false)};
        for (int k = 0; k < settings.length; k++) {
            try (LlamaContext ctx = model.newContext(NativeFixtures.ctxParams().withThreads(2).withThreadpool(settings[k]));
                 Batch b = new Batch(64, 1)) {
                feed(ctx, b, prompt, 0, 0);
                // and a few single-token decodes, where the pool is reused between graphs
                for (int i = 0; i < 4; i++) {
                    b.clear();
                    b.add(65 + i, prompt.length + i, 0, true);
                    ctx.decode(b);
                }
                out[k] = ctx.logits(-1);
            }
        }
        assertArrayEquals(out[0], out[1]);
        assertArrayEquals(out[0], out[2]);
    }
}
