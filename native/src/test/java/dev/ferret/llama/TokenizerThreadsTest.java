package dev.ferret.llama;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TokenizerThreadsTest {
    /** Depth a Java recursion reaches before StackOverflowError: grows with the thread's stack size. */
    private static int depth(int n) {
        try {
            return depth(n + 1);
        } catch (StackOverflowError e) {
            return n;
        }
    }

    @Test
    void runsTheWorkOnAThreadWithTheLargeStack() {
        assertFalse(TokenizerThreads.isTokenizerThread());
        int[] here = new int[1];
        Thread small = new Thread(null, () -> here[0] = depth(0), "small", 256 << 10);
        small.start();
        assertTrue(TokenizerThreads.call(() -> {
            try {
                small.join();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return TokenizerThreads.isTokenizerThread() && Thread.currentThread().getName().startsWith("ferret-tokenizer-");
        }));
        int there = TokenizerThreads.call(() -> depth(0));
        assertTrue(there > 16 * here[0], "a 16 MiB stack goes much deeper than 256 KiB: " + there + " vs " + here[0]);
        assertTrue(TokenizerThreads.call(() -> TokenizerThreads.call(TokenizerThreads::isTokenizerThread)), "nested calls run inline");
    }

    @Test
    void exceptionsComeBackAsTheyAreAndTheInterruptFlagIsKept() {
        IllegalArgumentException thrown = new IllegalArgumentException("bad");
        assertSame(thrown, assertThrows(IllegalArgumentException.class, () -> TokenizerThreads.call(() -> {
            throw thrown;
        })));
        Thread.currentThread().interrupt();
        try {
            assertEquals(42, TokenizerThreads.call(() -> {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                return 42;
            }));
            assertTrue(Thread.interrupted(), "the caller is still interrupted");
        } finally {
            Thread.interrupted();
        }
    }
}
