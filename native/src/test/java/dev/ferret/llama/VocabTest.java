package dev.ferret.llama;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferret.gguf.GgufFile;
import dev.ferret.models.tokenizer.BpeTokenizer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Vocab} through the real library on a generated model's byte-level BPE vocabulary (qwen2 pre-tokenizer). */
class VocabTest extends TinyModelTest {
    @Test
    void tokenizerAgreesWithOurJavaBpe() {
        Vocab v = model.vocab();
        BpeTokenizer java = BpeTokenizer.fromGguf(GgufFile.read(tinyFile()));
        assertEquals(java.vocabSize(), v.size());
        for (String text : List.of("Which classes in this codebase subclass from Protocol?",
                "def main():\n    return 42  # TODO: fix\n", "  spaces\tand\ttabs\n\n", "naïve café — ünïcödé 你好 😀",
                "<|im_start|>user\nhi<|im_end|>\n<tool_call>\n{\"name\": \"grep\", \"arguments\": {}}\n</tool_call>", "")) {
            assertArrayEquals(java.encode(text, true), v.tokenize(text, false, true), "tokens of: " + text);
            assertEquals(text, v.detokenize(v.tokenize(text, false, true), false, true));
        }
    }

    @Test
    void specialTokensAndEog() {
        Vocab v = model.vocab();
        int[] im = v.tokenize("<|im_end|>", false, true);
        assertEquals(1, im.length);
        assertTrue(v.isEog(im[0]));
        assertEquals(im[0], v.eos());
        assertTrue(v.isControl(im[0]));
        assertTrue((v.attributes(im[0]) & Vocab.ATTR_CONTROL) != 0);
        // without parse_special the same text is plain characters
        assertTrue(v.tokenize("<|im_end|>", false, false).length > 1);
        assertEquals(1, v.tokenize("<tool_call>", false, true).length);
        assertEquals("<tool_call>", new String(v.piece(v.tokenize("<tool_call>", false, true)[0], true)));
        assertEquals(0, v.piece(im[0], false).length, "control tokens render only with special=true");
    }

    @Test
    void findReturnsTheIdOfStoredText() {
        Vocab v = model.vocab();
        assertEquals(v.eos(), v.find("<|im_end|>"));
        int t = v.tokenize("<tool_call>", false, true)[0];
        assertEquals(t, v.find("<tool_call>"));
        assertEquals("<tool_call>", v.text(t));
        assertEquals(-1, v.find("no token holds this text"));
    }

    @Test
    void tokenIdsOutsideTheVocabularyAreRefusedInJava() {
        Vocab v = model.vocab();
        assertThrows(IllegalArgumentException.class, () -> v.piece(v.size(), true));
        assertThrows(IllegalArgumentException.class, () -> v.text(-1));
        assertThrows(IllegalArgumentException.class, () -> v.attributes(v.size()));
        assertThrows(IllegalArgumentException.class, () -> v.detokenize(new int[] {0, v.size()}, false, false));
        assertFalse(v.isEog(-1));
        assertFalse(v.isEog(v.size()));
    }

    @Test
    void controlTokensRenderOnlyWhenAskedTo() {
        Vocab v = model.vocab();
        int[] ids = v.tokenize("<|im_start|>user\nhi<|im_end|>", false, true);
        assertEquals("user\nhi", v.detokenize(ids, false, false));
        assertEquals("<|im_start|>user\nhi<|im_end|>", v.detokenize(ids, false, true));
    }

    @Test
    void aStretchLongerThanTheRecursionBoundIsRefused() {
        Vocab v = model.vocab();
        String run = "=".repeat(Vocab.MAX_SPAN + 1);
        assertTrue(v.matchSpan(run) > Vocab.MAX_SPAN, "qwen2's pre-tokenizer recurses over a run of one symbol");
        var e = assertThrows(LlamaException.Tokenize.class, () -> v.tokenize(run, false, false));
        assertTrue(e.getMessage().contains("tokenize it in pieces"), e.getMessage());
        assertTrue(v.tokenize("=".repeat(100), false, false).length > 0, "a short run tokenizes");
    }

    @Test
    void aVocabularyOfAClosedModelIsRefused() {
        LlamaModel m = LlamaModel.load(LlamaBackend.get(), tinyFile(), ModelParams.defaults(), null);
        Vocab v = m.vocab();
        int size = v.size();
        m.close();
        assertEquals(size, v.size(), "the size is read once, at load");
        assertThrows(LlamaException.Closed.class, v::eos);
        assertThrows(LlamaException.Closed.class, () -> v.tokenize("hi", false, false));
    }
}
