package dev.ferret.models.tokenizer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link SplitEncoder} with the Java BPE standing in for llama.cpp (the engine's tests use llama.cpp itself). */
class SplitEncoderTest {
    private final BpeTokenizer tok = BpeTrainer.defaultTokenizer(512);

    @Test
    void givesTheWholeTextsIdsAndKeepsEveryChunkAndPieceWithinItsBound() {
        SplitEncoder split = new SplitEncoder(tok, 5, 12);
        Random r = new Random(3);
        List<String> units = List.of("x", "7", " ", "\n", "=", "中", "😀", "'s", "<|im_end|>", "<|im_start|>", "\t", " 7", "\t<");
        for (int i = 0; i < 500; i++) {
            StringBuilder b = new StringBuilder();
            while (b.length() < 200) {
                b.append(units.get(r.nextInt(units.size())).repeat(1 + r.nextInt(r.nextBoolean() ? 30 : 3)));
            }
            String text = b.toString();
            for (boolean special : new boolean[] {true, false}) {
                List<String> chunks = new ArrayList<>();
                int[] ids = split.encode(text, special, chunk -> {
                    chunks.add(chunk);
                    return tok.encode(chunk, special);
                });
                assertArrayEquals(tok.encode(text, special), ids, text);
                for (String c : chunks) {
                    // a chunk ends after a character that is not whitespace, or where the stretch ends: split on its
                    // own, it gives the pre-tokens it has in the whole text, so none is longer than maxPiece
                    for (String piece : PreTokenizer.split(c)) {
                        assertTrue(piece.codePointCount(0, piece.length()) <= 5, "piece '" + piece + "' reached the encoder");
                    }
                    if (special) {
                        assertFalse(c.contains("<|im_end|>") || c.contains("<|im_start|>"), "special text in chunk " + c);
                    }
                }
            }
        }
    }

    @Test
    void aChunkNeverEndsInWhitespaceThatTheTextAfterItWouldSplitDifferently() {
        // "x   7": the pre-tokens are "x", "  ", " ", "7"; "x   " alone would give "x", "   "
        SplitEncoder split = new SplitEncoder(tok, 3, 1);
        List<String> chunks = new ArrayList<>();
        String text = "x   7".repeat(5);
        assertArrayEquals(tok.encode(text), split.encode(text, true, chunk -> {
            chunks.add(chunk);
            return tok.encode(chunk);
        }));
        for (String c : chunks.subList(0, chunks.size() - 1)) {
            assertFalse(Character.isWhitespace(c.charAt(c.length() - 1)), "chunk '" + c + "'");
        }
    }

    @Test
    void aChunkTheNativeEncoderCannotTakeIsEncodedInJava() {
        SplitEncoder split = new SplitEncoder(tok, 4, 8);
        String text = "a b c d e f g h i j k l";
        List<String> chunks = new ArrayList<>();
        assertArrayEquals(tok.encode(text), split.encode(text, true, chunk -> {
            chunks.add(chunk);
            return tok.encode(chunk);
        }, chunk -> false));
        assertTrue(chunks.isEmpty(), "nothing reached the native encoder: " + chunks);
    }

    @Test
    void longestPieceCountsCodePointsBetweenSpecialTokens() {
        SplitEncoder split = new SplitEncoder(tok, 5, 12);
        assertEquals(3, split.longestPiece("😀😀😀", true));
        assertEquals(999, split.longestPiece("a" + "=".repeat(999) + "<|im_end|>" + "x".repeat(10), true));
        assertEquals(1002, split.longestPiece("=".repeat(1000) + "<|im_end|>" + "x", false), "unparsed special text is text");
        assertEquals(1, split.longestPiece("1234567", true), "digits are single pre-tokens");
    }

    @Test
    void refusesBoundsThatCannotHold() {
        assertThrows(IllegalArgumentException.class, () -> new SplitEncoder(tok, 0, 10));
        assertThrows(IllegalArgumentException.class, () -> new SplitEncoder(tok, 10, 0));
    }
}
