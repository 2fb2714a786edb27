package dev.ferret.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferret.gguf.GgufFile;
import dev.ferret.gguf.GgufTensorInfo;
import dev.ferret.gguf.GgufType;
import dev.ferret.gguf.GgufValueType;
import dev.ferret.gguf.TestModels;
import dev.ferret.models.tokenizer.BpeTokenizer;
import dev.ferret.models.tokenizer.BpeTrainer;
import dev.ferret.models.tokenizer.SpecialTokens;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelGeneratorTest {
    private static final String PROMPT = "<|im_start|>user\nhello<|im_end|>\n<|im_start|>assistant\n";

    @TempDir
    Path dir;

    @Test
    void theTinyPresetIsWrittenAndValid() {
        BpeTrainer.defaultTokenizer(512); // trained once per JVM; timed on its own in BpeTrainerTest
        Path file = new ModelGenerator(ModelSpec.tiny()).seed(5).write(dir.resolve("tiny.gguf"));
        assertDoesNotThrow(() -> GgufFile.readModel(file));
    }

    @Test
    void writesEveryQwen2KeyLlamaCppNeeds() {
        GgufFile f = GgufFile.readModel(TestModels.tiny());
        BpeTokenizer tok = BpeTrainer.defaultTokenizer(512);
        assertEquals("qwen2", f.architecture());
        assertEquals("model", f.getString("general.type"));
        assertEquals("ferret-tiny", f.getString("general.name"));
        assertEquals(0, f.getInt("general.file_type"));
        Map<String, Integer> u32 = Map.of("qwen2.context_length", 1024, "qwen2.embedding_length", 64,
                "qwen2.block_count", 2, "qwen2.feed_forward_length", 128, "qwen2.attention.head_count", 4,
                "qwen2.attention.head_count_kv", 2, "tokenizer.ggml.eos_token_id", tok.specialId(SpecialTokens.IM_END),
                "tokenizer.ggml.bos_token_id", tok.specialId(SpecialTokens.ENDOFTEXT),
                "tokenizer.ggml.padding_token_id", tok.specialId(SpecialTokens.ENDOFTEXT));
        u32.forEach((key, value) -> {
            assertEquals(GgufValueType.UINT32, f.get(key).type(), key);
            assertEquals(value, f.getInt(key), key);
        });
        assertEquals(GgufValueType.FLOAT32, f.get("qwen2.rope.freq_base").type());
        assertEquals(1e6f, f.getFloat("qwen2.rope.freq_base"));
        assertEquals(1e-6f, f.getFloat("qwen2.attention.layer_norm_rms_epsilon"));
        assertEquals("gpt2", f.getString("tokenizer.ggml.model"));
        assertEquals("qwen2", f.getString("tokenizer.ggml.pre"));
        assertFalse(f.getBool("tokenizer.ggml.add_bos_token"));
        assertEquals(tok.tokens(), f.getStringArray("tokenizer.ggml.tokens"));
        assertEquals(tok.merges(), f.getStringArray("tokenizer.ggml.merges"));
        assertEquals(GgufValueType.INT32, f.get("tokenizer.ggml.token_type").elementType());
        String template = f.getString("tokenizer.chat_template");
        assertEquals(ModelGenerator.CHAT_TEMPLATE, template);
        for (String part : List.of("<|im_start|>", "<|im_end|>", "<tool_call>", "</tool_call>", "<tool_response>",
                "# Tools", "add_generation_prompt", "tojson")) {
            assertTrue(template.contains(part), part);
        }
    }

    @Test
    void embeddingsAreTiedUnlessAskedOtherwise() {
        assertTrue(GgufFile.read(TestModels.tiny()).tensor("output.weight").isEmpty());
        Path untied = new ModelGenerator(ModelSpec.tiny()).separateOutput(true).write(dir.resolve("untied.gguf"));
        GgufTensorInfo out = GgufFile.readModel(untied).requireTensor("output.weight");
        assertArrayEquals(new long[] {64, 512}, out.dims());
    }

    @Test
    void eachWeightTypeGivesAValidModel() {
        for (GgufType t : List.of(GgufType.F16, GgufType.BF16, GgufType.Q8_0, GgufType.Q4_0, GgufType.Q4_K)) {
            GgufFile f = GgufFile.readModel(new ModelGenerator(ModelSpec.tiny()).weightType(t).write(dir.resolve(t + ".gguf")));
            GgufType expected = t == GgufType.Q4_K ? GgufType.Q8_0 : t; // 64-wide rows are no whole Q4_K block
            assertEquals(expected, f.requireTensor("blk.0.attn_q.weight").type(), t.name());
            assertEquals(expected, f.requireTensor("token_embd.weight").type(), t.name());
            assertEquals(GgufType.F32, f.requireTensor("blk.0.attn_q.bias").type());
            assertEquals(GgufType.F32, f.requireTensor("output_norm.weight").type());
        }
    }

    @Test
    void rowsThatAreNoWholeBlockFallBackToQ8_0ThenF16() {
        assertEquals(GgufType.Q4_K, ModelGenerator.typeFor(GgufType.Q4_K, 4864));
        assertEquals(GgufType.Q8_0, ModelGenerator.typeFor(GgufType.Q4_K, 896));
        assertEquals(GgufType.F16, ModelGenerator.typeFor(GgufType.Q4_0, 40));
        assertEquals(GgufType.F32, ModelGenerator.typeFor(GgufType.F32, 7));
        GgufFile small = GgufFile.readModel(TestModels.model(ModelSpec.small(), GgufType.Q4_K));
        assertEquals(GgufType.Q4_K, small.requireTensor("blk.0.ffn_down.weight").type()); // 768 = 3 blocks
        assertEquals(GgufType.Q4_K, small.requireTensor("blk.0.attn_q.weight").type()); // 256 = 1 block
    }

    @Test
    void theSameSeedGivesTheSameFile() {
        Path a = new ModelGenerator(ModelSpec.tiny()).seed(9).weightType(GgufType.Q4_0).write(dir.resolve("a.gguf"));
        Path b = new ModelGenerator(ModelSpec.tiny()).seed(9).weightType(GgufType.Q4_0).write(dir.resolve("b.gguf"));
        Path c = new ModelGenerator(ModelSpec.tiny()).seed(10).weightType(GgufType.Q4_0).write(dir.resolve("c.gguf"));
        assertArrayEquals(TestModels.bytes(a), TestModels.bytes(b));
        assertFalse(java.util.Arrays.equals(TestModels.bytes(a), TestModels.bytes(c)));
        GgufFile fa = GgufFile.read(a);
        GgufFile fc = GgufFile.read(c);
        assertEquals(fa.metadata(), fc.metadata());
        assertFalse(java.util.Arrays.equals(fa.readTensorFloats(fa.requireTensor("blk.0.attn_q.weight")),
                fc.readTensorFloats(fc.requireTensor("blk.0.attn_q.weight"))));
    }

    @Test
    void theWeightsDoNotDependOnHowTheyAreStored() {
        GgufFile f32 = GgufFile.read(TestModels.tiny());
        GgufFile q8 = GgufFile.read(TestModels.tinyQ8());
        float[] a = f32.readTensorFloats(f32.requireTensor("blk.1.ffn_gate.weight"));
        float[] b = q8.readTensorFloats(q8.requireTensor("blk.1.ffn_gate.weight"));
        double err = 0;
        double norm = 0;
        for (int i = 0; i < a.length; i++) {
            err += (a[i] - b[i]) * (a[i] - b[i]);
            norm += a[i] * a[i];
        }
        assertTrue(Math.sqrt(err / norm) < 0.01, "Q8_0 is the same weights, rounded");
    }

    /**
     * The first tokens are the ones llama.cpp b4916 decoded greedily from this file (through libjllama); the Java
     * reference forward pass reproduces them, which checks the weights, shapes and metadata together.
     */
    @Test
    void greedyDecodingMatchesLlamaCppAndDoesNotGetStuck() {
        int[] prompt = BpeTrainer.defaultTokenizer(512).encode(PROMPT);
        List<Integer> tokens = new ReferenceQwen2(GgufFile.read(TestModels.tiny())).greedy(prompt, 40);
        assertEquals(List.of(481, 172, 343, 285, 491, 163, 471, 340, 45, 361, 364, 221, 157, 506, 331, 352),
                tokens.subList(0, 16));
        assertTrue(new HashSet<>(tokens).size() >= 15, "many different tokens: " + tokens);
        for (long seed = 1; seed <= 3; seed++) {
            Path file = new ModelGenerator(ModelSpec.tiny()).seed(seed).weightType(GgufType.Q4_0).write(dir.resolve(seed + ".gguf"));
            List<Integer> out = new ReferenceQwen2(GgufFile.read(file)).greedy(prompt, 40);
            assertTrue(new HashSet<>(out).size() >= 10, "seed " + seed + ": " + out);
            assertTrue(new HashSet<>(out.subList(30, 40)).size() > 1, "seed " + seed + " repeats one token: " + out);
        }
    }

    @Test
    void logitsSpreadOverAFewUnits() {
        int[] prompt = BpeTrainer.defaultTokenizer(512).encode(PROMPT);
        ReferenceQwen2 model = new ReferenceQwen2(GgufFile.read(TestModels.tiny()));
        float[] logits = null;
        for (int i = 0; i < prompt.length; i++) {
            logits = model.forward(prompt[i], i);
        }
        double mean = 0;
        for (float l : logits) {
            mean += l / logits.length;
        }
        double var = 0;
        for (float l : logits) {
            var += (l - mean) * (l - mean) / logits.length;
        }
        double std = Math.sqrt(var);
        assertTrue(std > 1 && std < 10, "logit standard deviation " + std);
    }

    @Test
    void aGivenTokenizerSetsTheVocabulary() {
        BpeTokenizer tok = BpeTrainer.train("one two three one two one", 270, SpecialTokens.ALL);
        ModelGenerator g = new ModelGenerator(ModelSpec.tiny()).tokenizer(tok);
        assertEquals(tok.vocabSize(), g.spec().vocabSize());
        GgufFile f = GgufFile.readModel(g.write(dir.resolve("custom.gguf")));
        assertEquals(tok.vocabSize(), f.requireTensor("token_embd.weight").ne(1));
        assertThrows(IllegalArgumentException.class, () -> new ModelGenerator(ModelSpec.tiny()).weightType(GgufType.Q5_K));
    }
}
