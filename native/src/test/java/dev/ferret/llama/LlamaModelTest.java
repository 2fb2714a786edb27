package dev.ferret.llama;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferret.gguf.GgufFile;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LlamaModelTest extends TinyModelTest {
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
        GgufFile g = GgufFile.read(tinyFile());
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
        try (LlamaModel m = LlamaModel.load(LlamaBackend.get(), tinyFile(), ModelParams.defaults(), p -> last[0] = p)) {
            assertEquals(1.0, last[0], 1e-6);
        }
    }

    @Test
    void closeIsIdempotentAndClosesContexts() {
        LlamaModel m = LlamaModel.load(LlamaBackend.get(), tinyFile(), ModelParams.defaults(), null);
        LlamaContext c = m.newContext(NativeFixtures.ctxParams());
        assertEquals(1, m.openContexts());
        m.close();
        assertFalse(c.isOpen());
        m.close();
        assertThrows(LlamaException.Closed.class, m::vocab);
        assertThrows(LlamaException.Closed.class, () -> c.kvPosMax(0));
    }
}
