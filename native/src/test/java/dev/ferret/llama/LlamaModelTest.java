package dev.ferret.llama;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferret.gguf.GgufFile;
import dev.ferret.gguf.GgufType;
import dev.ferret.models.tokenizer.BpeTokenizer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LlamaModelTest {
    static Path file;
    static LlamaModel model;

    @BeforeAll
    static void load() {
        file = NativeFixtures.model("tiny", GgufType.Q8_0);
        model = LlamaModel.load(LlamaBackend.get(), file, ModelParams.defaults(), null);
    }

    @AfterAll
    static void close() {
        model.close();
    }

    @Test
    void libraryAndDevices() {
        LlamaBackend b = LlamaBackend.get();
        assertTrue(NativeLibrary.hasCApi());
        assertTrue(b.systemInfo().contains("CPU"), b.systemInfo());
        assertTrue(b.devices().stream().anyMatch(d -> d.type() == LlamaBackend.Device.Type.CPU), b.devices().toString());
        assertTrue(dev.ferret.llama.internal.LlamaH.missing().isEmpty(), "symbols missing: " + dev.ferret.llama.internal.LlamaH.missing());
    }

    @Test
    void defaultsComeFromLlamaCpp() {
        ContextParams c = ContextParams.defaults();
        assertEquals(512, c.contextSize()); // llama_context_default_params at b4916
        assertEquals(2048, c.batchSize());
        ModelParams m = ModelParams.defaults();
        assertTrue(m.useMmap());
        assertFalse(m.vocabOnly());
    }

    @Test
    void metadataAndHyperParameters() {
        GgufFile g = GgufFile.read(file);
        assertEquals(g.getInt("qwen2.embedding_length"), model.embeddingLength());
        assertEquals(g.getInt("qwen2.block_count"), model.layerCount());
        assertEquals(g.getInt("qwen2.attention.head_count"), model.headCount());
        assertEquals(g.getInt("qwen2.attention.head_count_kv"), model.headCountKv());
        assertEquals("qwen2", model.meta("general.architecture").orElseThrow());
        assertTrue(model.meta("no.such.key").isEmpty());
        Map<String, String> all = model.metadata();
        assertEquals("qwen2", all.get("general.architecture"));
        assertTrue(model.description().startsWith("qwen2"), model.description());
        assertTrue(model.chatTemplate().orElseThrow().contains("<|im_start|>"));
        assertTrue(model.parameterCount() > 0);
    }

    @Test
    void tokenizerAgreesWithOurJavaBpe() {
        Vocab v = model.vocab();
        BpeTokenizer java = BpeTokenizer.fromGguf(GgufFile.read(file));
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
        assertThrows(IllegalArgumentException.class, () -> v.piece(v.size(), true));
        assertThrows(IllegalArgumentException.class, () -> v.text(-1));
    }

    @Test
    void missingFileIsTyped() {
        assertThrows(LlamaException.ModelLoad.class, () -> LlamaModel.load(LlamaBackend.get(), Path.of("/no/such.gguf"), ModelParams.defaults(), null));
    }

    @Test
    void llamaCppRefusalCarriesItsLog() throws Exception {
        // a GGUF that is not a model (an adapter file) is refused inside llama.cpp; the message says why
        Path notAModel = NativeFixtures.dir().resolve("not-a-model.gguf");
        java.nio.file.Files.write(notAModel, new byte[] {'G', 'G', 'U', 'F', 3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0});
        var e = assertThrows(LlamaException.ModelLoad.class, () -> LlamaModel.load(LlamaBackend.get(), notAModel, ModelParams.defaults(), null));
        assertTrue(e.getMessage().contains("llama.cpp said"), e.getMessage());
    }

    @Test
    void progressIsReported() {
        double[] last = {-1};
        try (LlamaModel m = LlamaModel.load(LlamaBackend.get(), file, ModelParams.defaults(), p -> last[0] = p)) {
            assertEquals(1.0, last[0], 1e-6);
        }
    }

    @Test
    void closeIsIdempotentAndClosesContexts() {
        LlamaModel m = LlamaModel.load(LlamaBackend.get(), file, ModelParams.defaults(), null);
        LlamaContext c = m.newContext(NativeFixtures.ctxParams());
        assertEquals(1, m.openContexts());
        m.close();
        assertFalse(c.isOpen());
        m.close();
        assertThrows(LlamaException.Closed.class, m::vocab);
        assertThrows(LlamaException.Closed.class, () -> c.kvPosMax(0));
    }
}
