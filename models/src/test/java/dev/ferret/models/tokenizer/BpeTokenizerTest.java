package dev.ferret.models.tokenizer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferret.gguf.GgufFile;
import dev.ferret.gguf.GgufType;
import dev.ferret.gguf.TestModels;
import dev.ferret.models.ModelSpec;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class BpeTokenizerTest {
    private final BpeTokenizer tok = BpeTrainer.defaultTokenizer(512);

    /**
     * Ids that llama_tokenize (b4916, add_special = false, parse_special = true) gave for these texts on the tiny
     * model ModelGenerator writes. They pin both the tokenizer and the default corpus: after a change to either,
     * check against llama.cpp again (the native module can) and update them.
     */
    @Test
    void givesTheIdsLlamaCppGives() {
        assertArrayEquals(new int[] {262, 108, 330, 283, 265, 108, 100}, tok.encode("hello world"));
        assertArrayEquals(new int[] {508, 446, 10, 87, 460, 343, 289, 108, 302, 260, 115, 288, 117, 98, 421, 473, 319,
            345, 99, 314, 63, 509, 10, 508, 469, 10},
                tok.encode("<|im_start|>user\nWhich classes subclass Protocol?<|im_end|>\n<|im_start|>assistant\n"));
        assertArrayEquals(new int[] {510, 10, 320, 344, 280, 271, 103, 466, 299, 271, 471, 280, 360, 112, 505, 280, 271,
            421, 32, 92, 92, 119, 43, 92, 92, 40, 80, 319, 345, 99, 314, 92, 92, 41, 299, 271, 384, 280, 271, 46, 34,
            470, 511},
                tok.encode("<tool_call>\n{\"name\": \"grep\", \"arguments\": {\"pattern\": \"class \\\\w+\\\\(Protocol\\\\)\", \"path\": \".\"}}\n</tool_call>"));
        assertArrayEquals(new int[] {73, 39, 109, 288, 117, 263, 272, 121, 39, 478, 288, 379, 283, 101, 39, 388, 324,
            348, 393, 44, 324, 105, 100, 110, 39, 116, 433, 307, 63, 32, 89, 79, 85, 39, 76, 76, 32, 83, 69, 69, 46, 32,
            39, 336, 111, 268, 100, 39, 32, 79, 39, 78, 101, 105, 108},
                tok.encode("I'm sure they'll say we've done it, didn't you? YOU'LL SEE. 'quoted' O'Neil"));
        assertArrayEquals(new int[] {264, 10, 264, 282, 32, 32, 120}, tok.encode("   \n   \n\n  x"));
        assertArrayEquals(new int[] {97, 32, 297, 256, 289, 264, 324}, tok.encode("a  b   c    d"));
        assertArrayEquals(new int[] {109, 105, 120, 101, 100, 507, 392, 101, 99, 105, 295, 509, 345, 107, 273, 115, 510, 511},
                tok.encode("mixed<|endoftext|>special<|im_end|>tokens<tool_call></tool_call>"));
        assertArrayEquals(new int[] {104, 195, 169, 108, 330, 283, 195, 182, 114, 108, 100, 32, 195, 167, 97, 32, 118, 97,
            63, 316, 97, 195, 175, 388, 289, 97, 102, 195, 169, 364, 195, 169, 115, 322, 195, 169},
                tok.encode("héllo wörld ça va? naïve café résumé"));
        assertArrayEquals(new int[] {110, 270, 194, 160, 98, 263, 97, 107, 300, 288, 112, 97, 338, 321, 227, 128, 128,
            105, 274, 111, 103, 114, 398, 460, 99, 288, 112, 97, 338, 321, 303, 409, 226, 128, 168, 260, 112, 277, 267, 265},
                tok.encode("non\u00A0breaking space and\u3000ideographic space and line\u2028separator"));
    }

    @Test
    void decodesBackToTheText() {
        for (String text : List.of("", "hello", "  two  spaces  ", "tabs\tand\nnewlines\r\n",
                "<|im_start|>system\nYou are helpful.<|im_end|>\n", "日本語のテキスト", "Привет, мир!",
                "emoji 😀🎉👍🏽 and ©®™", "control\u0001\u0002\u001F\u007F", "e\u0301 zero\u200Bwidth",
                "{\"name\": \"grep\", \"arguments\": {\"pattern\": \"x\"}}", "def f(x):\n    return x ** 2\n")) {
            int[] ids = tok.encode(text);
            assertEquals(text, tok.decode(ids), text);
            for (int id : ids) {
                assertTrue(id >= 0 && id < tok.vocabSize());
            }
        }
    }

    @Test
    void specialTokensAreSingleTokensOnlyWhenParsed() {
        int imStart = tok.specialId(SpecialTokens.IM_START);
        assertEquals(508, imStart);
        assertArrayEquals(new int[] {imStart}, tok.encode("<|im_start|>"));
        int[] plain = tok.encode("<|im_start|>", false);
        assertTrue(plain.length > 1);
        assertEquals("<|im_start|>", tok.decode(plain));
        assertEquals("", tok.decode(new int[] {imStart}, false));
        assertEquals("hi", tok.decode(tok.encode("<|im_start|>hi<|im_end|>"), false));
        assertTrue(tok.isControl(imStart));
        assertThrows(IllegalArgumentException.class, () -> tok.specialId("hello"));
        assertEquals(List.of(507, 508, 509, 510, 511), SpecialTokens.ALL.stream().map(tok::specialId).toList());
    }

    @Test
    void tokenBytesMayBePartialCharacters() {
        int[] ids = tok.encode("é"); // not a token of its own in this small vocabulary: two byte tokens
        assertEquals(2, ids.length);
        assertArrayEquals(new byte[] {(byte) 0xC3}, tok.tokenBytes(ids[0]));
        assertArrayEquals("é".getBytes(StandardCharsets.UTF_8), concat(tok.tokenBytes(ids[0]), tok.tokenBytes(ids[1])));
        assertEquals("\uFFFD", tok.decode(ids[0]));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    @Test
    void readsTheTokenizerBackFromAModel() {
        GgufFile model = GgufFile.read(TestModels.model(ModelSpec.tiny(), GgufType.Q8_0));
        BpeTokenizer back = BpeTokenizer.fromGguf(model);
        assertEquals(tok.tokens(), back.tokens());
        assertEquals(tok.merges(), back.merges());
        assertArrayEquals(tok.tokenTypes(), back.tokenTypes());
        String text = "<|im_start|>user\nfind TODO in src<|im_end|>";
        assertArrayEquals(tok.encode(text), back.encode(text));
    }

    @Test
    void aMissingMergeResultFallsBackLikeLlamaCpp() {
        // "a b" merges to "ab", which is not a token: llama.cpp then looks up each byte of "ab" on its own
        List<String> tokens = List.of("a", "b", "c", "Ġ");
        BpeTokenizer odd = new BpeTokenizer(tokens, new int[] {1, 1, 1, 1}, List.of("a b"));
        assertArrayEquals(new int[] {0, 1, 2}, odd.encode("abc"));
    }

    @Test
    void refusesInconsistentVocabularies() {
        assertThrows(IllegalArgumentException.class, () -> new BpeTokenizer(List.of("a", "a"), new int[] {1, 1}, List.of()));
        assertThrows(IllegalArgumentException.class, () -> new BpeTokenizer(List.of("a"), new int[] {1, 1}, List.of()));
    }
}
