package dev.ferret.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ModelSpecTest {
    @Test
    void presetsHaveTheAgreedSizes() {
        ModelSpec tiny = ModelSpec.tiny();
        assertEquals(List.of(512, 64, 2, 4, 2, 128, 1024), List.of(tiny.vocabSize(), tiny.nEmbd(), tiny.nLayer(),
                tiny.nHead(), tiny.nHeadKv(), tiny.nFf(), tiny.contextLength()));
        ModelSpec small = ModelSpec.small();
        assertEquals(List.of(1024, 256, 4, 8, 2, 768, 2048), List.of(small.vocabSize(), small.nEmbd(), small.nLayer(),
                small.nHead(), small.nHeadKv(), small.nFf(), small.contextLength()));
        ModelSpec q = ModelSpec.qwen05b();
        assertEquals(List.of(2048, 896, 24, 14, 2, 4864, 4096), List.of(q.vocabSize(), q.nEmbd(), q.nLayer(),
                q.nHead(), q.nHeadKv(), q.nFf(), q.contextLength()));
        ModelSpec coder7b = ModelSpec.qwen25Coder7b();
        assertEquals(List.of(152_064, 3584, 28, 28, 4, 18_944, 32_768), List.of(coder7b.vocabSize(), coder7b.nEmbd(),
                coder7b.nLayer(), coder7b.nHead(), coder7b.nHeadKv(), coder7b.nFf(), coder7b.contextLength()));
        assertEquals(false, coder7b.tiedEmbeddings());
        assertEquals(7_615_616_512L, coder7b.parameterCount(true)); // Qwen2.5-7B's published 7.61B
        ModelSpec coder05b = ModelSpec.qwen25Coder05b();
        assertEquals(List.of(151_936, 896, 24, 14, 2, 4864, 32_768), List.of(coder05b.vocabSize(), coder05b.nEmbd(),
                coder05b.nLayer(), coder05b.nHead(), coder05b.nHeadKv(), coder05b.nFf(), coder05b.contextLength()));
        assertEquals(true, coder05b.tiedEmbeddings());
        assertEquals(494_032_768L, coder05b.parameterCount(false)); // Qwen2.5-0.5B's published 0.49B
        assertEquals(coder7b, ModelSpec.preset("qwen25-coder-7b"));
        for (ModelSpec s : ModelSpec.presets()) {
            assertEquals(1e6f, s.ropeFreqBase());
            assertEquals(1e-6f, s.rmsEps());
            assertEquals(s, ModelSpec.preset(s.name()));
        }
        assertThrows(IllegalArgumentException.class, () -> ModelSpec.preset("huge"));
    }

    @Test
    void derivesHeadSizes() {
        ModelSpec q = ModelSpec.qwen05b();
        assertEquals(64, q.headDim());
        assertEquals(128, q.nEmbdKv());
        assertEquals(16, ModelSpec.tiny().headDim());
        assertEquals(32, ModelSpec.tiny().nEmbdKv());
    }

    @Test
    void countsParameters() {
        // Qwen2.5-0.5B's layers are 14.9M parameters each
        ModelSpec q = ModelSpec.qwen05b();
        long perLayer = 2 * 896 + 2 * 896 * 896 + 2 * 896 * 128 + 896 + 2 * 128 + 3 * 896 * 4864;
        assertEquals(2048L * 896 + 896 + 24 * perLayer, q.parameterCount(false));
        assertEquals(2 * 2048L * 896 + 896 + 24 * perLayer, q.parameterCount(true));
    }

    @Test
    void refusesShapesLlamaCppCannotUse() {
        assertThrows(IllegalArgumentException.class, () -> new ModelSpec("x", 512, 64, 2, 5, 1, 128, 64, 1e6f, 1e-6f));
        assertThrows(IllegalArgumentException.class, () -> new ModelSpec("x", 512, 64, 2, 4, 3, 128, 64, 1e6f, 1e-6f));
        assertThrows(IllegalArgumentException.class, () -> new ModelSpec("x", 200, 64, 2, 4, 2, 128, 64, 1e6f, 1e-6f));
        assertThrows(IllegalArgumentException.class, () -> new ModelSpec("x", 512, 0, 2, 4, 2, 128, 64, 1e6f, 1e-6f));
        assertThrows(IllegalArgumentException.class, () -> new ModelSpec("x", 512, 12, 2, 4, 2, 128, 64, 1e6f, 1e-6f));
        assertThrows(IllegalArgumentException.class, () -> new ModelSpec(" ", 512, 64, 2, 4, 2, 128, 64, 1e6f, 1e-6f));
        assertThrows(IllegalArgumentException.class, () -> new ModelSpec("x", 512, 64, 2, 4, 2, 128, 64, 1e6f, 0f));
        assertEquals(600, ModelSpec.tiny().withVocabSize(600).vocabSize());
        assertEquals("t2", ModelSpec.tiny().withName("t2").name());
    }
}
