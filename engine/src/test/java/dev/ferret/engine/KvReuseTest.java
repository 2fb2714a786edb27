package dev.ferret.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferret.engine.kv.PrefixCache;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KvReuseTest extends TinyModelTest {
    static final String SYSTEM = "<|im_start|>system\nYou search code with tools: grep, find, read_file.<|im_end|>\n";

    @Test
    void secondTurnEvaluatesOnlyTheNewTokens() {
        try (Session s = model.newSession()) {
            String turn1 = SYSTEM + "<|im_start|>user\nFind all async functions<|im_end|>\n<|im_start|>assistant\n";
            Generation g1 = s.generate(turn1, GenerationRequest.greedy(8), null);
            assertEquals(0, g1.reusedTokens());
            String turn2 = turn1 + g1.text() + "<|im_end|>\n<|im_start|>user\nAnd dataclasses?<|im_end|>\n<|im_start|>assistant\n";
            int[] t2 = model.tokenize(turn2, true);
            int[] history = s.history();
            int common = 0;
            while (common < Math.min(history.length, t2.length) && history[common] == t2[common]) {
                common++;
            }
            long before = s.totalDecodedTokens();
            Generation g2 = s.generate(t2, GenerationRequest.greedy(8), null);
            assertEquals(common, g2.reusedTokens());
            assertTrue(common >= model.tokenize(turn1, true).length, "the whole first turn is reused");
            // decoded in turn 2 = new prompt tokens + generated tokens (the last one not decoded at MAX_TOKENS)
            assertEquals((t2.length - common) + (g2.generatedTokens() - 1), s.totalDecodedTokens() - before);
            assertEquals(t2.length - common + g2.generatedTokens() - 1, g2.decodedTokens());
        }
    }

    @Test
    void divergingHistoryTruncatesAtTheFirstDifference() {
        try (Session s = model.newSession()) {
            int[] a = model.tokenize(SYSTEM + "<|im_start|>user\nList TODO comments<|im_end|>\n", true);
            int[] b = model.tokenize(SYSTEM + "<|im_start|>user\nShow dataclasses<|im_end|>\n", true);
            s.prefill(a);
            int common = 0;
            while (a[common] == b[common]) {
                common++;
            }
            Session.Prefill p = s.prefill(b);
            assertEquals(common, p.reused());
            assertEquals(b.length - common, p.evaluated());
            assertArrayEquals(b, s.history());
            assertEquals(b.length - 1, s.kvPosMax());
            // same logits as a fresh session
            try (Session fresh = model.newSession()) {
                fresh.prefill(b);
                assertArrayEquals(fresh.logits(), s.logits(), 1e-4f);
            }
        }
    }

    @Test
    void savedPrefixRestoresToTheSameLogits(@TempDir Path dir) {
        int[] prefix = model.tokenize(SYSTEM, true);
        int[] full = model.tokenize(SYSTEM + "<|im_start|>user\nWhat files import requests?<|im_end|>\n", true);
        PrefixCache cache = new PrefixCache(dir);
        float[] freshLogits;
        try (Session s = model.newSession()) {
            cache.save(s, prefix);
            s.reset();
            s.prefill(full);
            freshLogits = s.logits();
        }
        try (Session restored = model.newSession()) {
            assertTrue(cache.restore(restored, prefix));
            assertArrayEquals(prefix, restored.history());
            Session.Prefill p = restored.prefill(full);
            assertEquals(prefix.length, p.reused());
            assertEquals(full.length - prefix.length, p.evaluated());
            assertArrayEquals(freshLogits, restored.logits(), 1e-4f);
        }
    }

    @Test
    void corruptOrStaleStateIsIgnored(@TempDir Path dir) throws Exception {
        int[] prefix = model.tokenize(SYSTEM, true);
        PrefixCache cache = new PrefixCache(dir);
        Path file;
        try (Session s = model.newSession()) {
            file = cache.save(s, prefix);
        }
        byte[] good = Files.readAllBytes(file);
        // flip a byte in the middle of the llama.cpp state
        byte[] bad = good.clone();
        bad[bad.length / 2] ^= 0x5A;
        Files.write(file, bad);
        try (Session s = model.newSession()) {
            assertFalse(cache.restore(s, prefix));
            assertEquals(0, s.history().length);
            assertEquals(-1, s.kvPosMax());
        }
        // truncated
        Files.write(file, Arrays.copyOf(good, good.length - 100));
        try (Session s = model.newSession()) {
            assertFalse(cache.restore(s, prefix));
        }
        // garbage
        Files.write(file, new byte[] {1, 2, 3}, StandardOpenOption.TRUNCATE_EXISTING);
        try (Session s = model.newSession()) {
            assertFalse(cache.restore(s, prefix));
        }
        // another prefix looks for another file
        Files.write(file, good);
        int[] other = Arrays.copyOf(prefix, prefix.length - 1);
        try (Session s = model.newSession()) {
            assertFalse(cache.restore(s, other));
            assertTrue(cache.restore(s, prefix));
        }
    }
}
