package dev.ferret.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferret.engine.kv.PrefixCache;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Named slot files of {@link PrefixCache}: a conversation's cache saved by name and restored into any session of the model. */
class SlotFilesTest extends TinyModelTest {

    @Test
    void aConversationSavedFromOneSessionContinuesInAnother(@TempDir Path dir) throws Exception {
        PrefixCache slots = new PrefixCache(dir);
        String turn1 = ParallelContextTest.prompt("Which classes subclass Protocol?");
        try (ParallelContext pc = model.newParallelContext(ParallelOptions.of(2).withSequenceContext(256));
             ParallelSession a = pc.newSession(); ParallelSession b = pc.newSession(); Session plain = model.newSession(256)) {
            a.generate(turn1, GenerationRequest.greedy(12), null);
            int saved = slots.saveSlot(a, "conv-1");
            assertEquals(a.history().length, saved);
            // the next turn continues the cached tokens themselves (re-tokenizing the text need not give the same ids)
            int[] cached = a.history();
            int[] next = model.tokenize("<|im_end|>\n<|im_start|>user\nAnd which are dataclasses?<|im_end|>\n<|im_start|>assistant\n", true);
            int[] turn2 = java.util.Arrays.copyOf(cached, cached.length + next.length);
            System.arraycopy(next, 0, turn2, cached.length, next.length);
            Generation expected = a.generate(turn2, GenerationRequest.greedy(12), null);

            int[] restored = slots.restoreSlot(plain, "conv-1");
            assertEquals(saved, restored.length);
            Generation viaPlain = plain.generate(turn2, GenerationRequest.greedy(12), null);
            assertEquals(expected.text(), viaPlain.text());
            assertEquals(saved, viaPlain.reusedTokens(), "the restored cells are reused");

            b.reset();
            assertArrayEquals(restored, slots.restoreSlot(b, "conv-1"));
            assertArrayEquals(restored, b.history());
            assertEquals(expected.text(), b.generate(turn2, GenerationRequest.greedy(12), null).text());
        }
    }

    @Test
    void badNamesMissingSlotsAndDamagedFilesAreTypedErrors(@TempDir Path dir) throws Exception {
        PrefixCache slots = new PrefixCache(dir);
        for (String bad : new String[] {"", "../x", "a/b", ".hidden", "x".repeat(129), "sp ace", null}) {
            assertThrows(IllegalArgumentException.class, () -> slots.slotFile(bad), String.valueOf(bad));
        }
        try (Session s = model.newSession(128)) {
            assertThrows(IllegalArgumentException.class, () -> slots.saveSlot(s, "empty"), "nothing to save");
            assertThrows(NoSuchElementException.class, () -> slots.restoreSlot(s, "never-saved"));
            s.prefill(model.tokenize(ParallelContextTest.prompt("hello"), true));
            slots.saveSlot(s, "ok");
            Path file = slots.slotFile("ok");
            byte[] bytes = Files.readAllBytes(file);
            bytes[bytes.length / 2] ^= 0x55;
            Files.write(slots.slotFile("flipped"), bytes);
            assertThrows(EngineException.InvalidState.class, () -> slots.restoreSlot(s, "flipped"));
            Files.write(slots.slotFile("short"), java.util.Arrays.copyOf(bytes, bytes.length - 100));
            assertThrows(EngineException.InvalidState.class, () -> slots.restoreSlot(s, "short"));
            try (Session small = model.newSession(16)) {
                assertThrows(EngineException.InvalidState.class, () -> slots.restoreSlot(small, "ok"), "too many tokens for that session");
            }
            assertTrue(slots.restoreSlot(s, "ok").length > 0);
        }
    }

    @Test
    void aSequenceWhoseCellsAreOutOfOrderIsSavedAndRestored(@TempDir Path dir) {
        PrefixCache slots = new PrefixCache(dir);
        try (ParallelContext pc = model.newParallelContext(ParallelOptions.of(2).withSequenceContext(64));
             ParallelSession a = pc.newSession(); ParallelSession b = pc.newSession(); Session plain = model.newSession(64)) {
            int[] words = model.tokenize("alpha beta gamma delta ".repeat(30), false);
            b.prefill(java.util.Arrays.copyOf(words, 50)); // cells 0..49
            a.prefill(java.util.Arrays.copyOfRange(words, 60, 80)); // cells 50..69
            b.reset(); // cells 0..49 free again: llama.cpp starts its next search at cell 0
            Generation g = a.generate(java.util.Arrays.copyOfRange(words, 60, 81), GenerationRequest.greedy(12), null);
            assertTrue(g.generatedTokens() > 0);
            int saved = slots.saveSlot(a, "scattered"); // a's later positions sit in earlier cells
            int[] next = java.util.Arrays.copyOf(a.history(), saved + 1);
            next[saved] = words[0];
            Generation expected = a.generate(next, GenerationRequest.greedy(8), null);
            assertArrayEquals(java.util.Arrays.copyOf(next, saved), slots.restoreSlot(plain, "scattered"));
            Generation viaPlain = plain.generate(next, GenerationRequest.greedy(8), null);
            assertEquals(expected.text(), viaPlain.text());
            assertEquals(saved, viaPlain.reusedTokens());
            b.reset();
            slots.restoreSlot(b, "scattered");
            assertEquals(expected.text(), b.generate(next, GenerationRequest.greedy(8), null).text());
        }
    }
}
