package dev.ferret.models.tokenizer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BpeTrainerTest {
    @Test
    void trainingIsDeterministic() {
        String corpus = BpeTrainer.defaultCorpus();
        BpeTokenizer a = BpeTrainer.train(corpus, 2048, SpecialTokens.ALL);
        BpeTokenizer b = BpeTrainer.train(corpus, 2048, SpecialTokens.ALL);
        assertEquals(a.tokens(), b.tokens());
        assertEquals(a.merges(), b.merges());
        assertSame(BpeTrainer.defaultTokenizer(2048), BpeTrainer.defaultTokenizer(2048));
    }

    @Test
    void vocabularyIsBytesThenMergesThenSpecials() {
        for (int size : new int[] {512, 1024, 2048}) {
            BpeTokenizer t = BpeTrainer.defaultTokenizer(size);
            assertEquals(size, t.vocabSize());
            int[] types = t.tokenTypes();
            for (int b = 0; b < 256; b++) {
                assertArrayEquals(new byte[] {(byte) b}, t.tokenBytes(b), "byte token " + b);
            }
            for (int i = 0; i < size - 5; i++) {
                assertEquals(SpecialTokens.NORMAL, types[i]);
            }
            for (int i = 0; i < 5; i++) {
                assertEquals(SpecialTokens.ALL.get(i), t.token(size - 5 + i));
                assertEquals(SpecialTokens.CONTROL, types[size - 5 + i]);
            }
            assertTrue(t.merges().size() >= size - 261);
        }
    }

    @Test
    void mergesOnlyUseAndMakeTokensOfTheVocabulary() {
        BpeTokenizer t = BpeTrainer.defaultTokenizer(1024);
        for (String merge : t.merges()) {
            String[] parts = merge.split(" ");
            assertEquals(2, parts.length, merge);
            assertTrue(t.id(parts[0]) >= 0 && t.id(parts[1]) >= 0 && t.id(parts[0] + parts[1]) >= 0, merge);
        }
        for (String token : t.tokens()) {
            assertFalse(token.contains(" ") || token.contains("\n"), "byte-level tokens hold no raw space: " + token);
        }
    }

    @Test
    void learnsCommonWordsKeywordsAndJson() {
        BpeTokenizer t = BpeTrainer.defaultTokenizer(2048);
        for (String token : Set.of("Ġthe", "Ġand", "Ġreturn", "Ġself", "Ġdef", "Ġimport", "ĠNone", "Ġfor", "Ġif",
                "name", "arguments", "\":", "Ġ{\"", "\",", "Ġgrep", "pattern", "ĊĊ")) {
            assertTrue(t.id(token) >= 0, token);
        }
        assertTrue(t.encode("def main(self):\n    return None").length <= 10);
    }

    @Test
    void specialTokensInTheCorpusAreNotLearned() {
        BpeTokenizer t = BpeTrainer.defaultTokenizer(2048);
        for (int i = 0; i < t.vocabSize() - 5; i++) {
            assertFalse(t.token(i).contains("<|im"), t.token(i));
        }
    }

    @Test
    void aSmallCorpusStopsEarly() {
        BpeTokenizer t = BpeTrainer.train("ab ab ab", 1000, List.of("<s>"));
        assertEquals(256 + 2 + 1, t.vocabSize()); // "ab" (3 times), then "Ġab" (twice), then the special
        assertThrows(IllegalArgumentException.class, () -> BpeTrainer.train("x", 260, SpecialTokens.ALL));
        assertThrows(IllegalArgumentException.class, () -> BpeTrainer.train("x", 300, List.of("<s>", "<s>")));
    }

    @Test
    void theCorpusIsAFewTensOfKilobytes() {
        int length = BpeTrainer.defaultCorpus().length();
        assertTrue(length > 20_000 && length < 200_000, "corpus of " + length + " characters");
    }
}
