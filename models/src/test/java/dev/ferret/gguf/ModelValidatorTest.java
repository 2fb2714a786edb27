package dev.ferret.gguf;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferret.gguf.GgufException.Problem;
import dev.ferret.models.ModelGenerator;
import dev.ferret.models.ModelSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Well-formed files that llama.cpp would crash on or misread; each must be refused, naming the fault. */
class ModelValidatorTest {
    private static GgufException refused(Consumer<GgufWriter> edit, Problem expected, String mentions) {
        GgufFile f = TestModels.variant(TestModels.tiny(), edit);
        GgufException e = assertThrows(GgufException.class, () -> ModelValidator.validate(f));
        assertEquals(expected, e.problem(), e.getMessage());
        assertTrue(e.getMessage().contains(mentions), e.getMessage());
        return e;
    }

    private static List<String> tokens() {
        return GgufFile.read(TestModels.tiny()).getStringArray("tokenizer.ggml.tokens");
    }

    @Test
    void generatedModelsAreValid() {
        for (GgufType t : List.of(GgufType.F32, GgufType.Q8_0)) {
            assertDoesNotThrow(() -> GgufFile.readModel(TestModels.model(ModelSpec.tiny(), t)));
        }
        Path untied = new ModelGenerator(ModelSpec.tiny()).separateOutput(true).write(TestModels.newFile("untied.gguf"));
        assertDoesNotThrow(() -> GgufFile.readModel(untied));
    }

    @Test
    void architectureIsRequired() {
        refused(w -> w.remove("general.architecture"), Problem.MISSING_KEY, "'general.architecture'");
        refused(w -> w.putUint32("general.architecture", 2), Problem.WRONG_TYPE, "'general.architecture'");
        refused(w -> w.putString("general.architecture", ""), Problem.BAD_VALUE, "'general.architecture'");
    }

    @Test
    void anAdapterIsNotAModel() {
        refused(w -> w.putString("general.type", "adapter"), Problem.BAD_VALUE, "adapter");
    }

    @Test
    void hyperParametersMustBePresentTypedAndSane() {
        refused(w -> w.remove("qwen2.block_count"), Problem.MISSING_KEY, "'qwen2.block_count'");
        refused(w -> w.putInt32("qwen2.embedding_length", 64), Problem.WRONG_TYPE, "'qwen2.embedding_length'");
        refused(w -> w.putUint32("qwen2.block_count", 0), Problem.BAD_VALUE, "'qwen2.block_count'");
        refused(w -> w.putUint32("qwen2.block_count", 513), Problem.BAD_VALUE, "'qwen2.block_count'");
        refused(w -> w.remove("qwen2.attention.head_count"), Problem.MISSING_KEY, "head_count");
        refused(w -> w.putFloat32("qwen2.attention.layer_norm_rms_epsilon", 0f), Problem.BAD_VALUE, "epsilon");
        refused(w -> w.putFloat32("qwen2.rope.freq_base", Float.NaN), Problem.BAD_VALUE, "freq_base");
        refused(w -> w.putString("qwen2.rope.scaling.type", "sideways"), Problem.BAD_VALUE, "rope.scaling.type");
        refused(w -> w.putUint32("qwen2.expert_count", 4), Problem.BAD_VALUE, "expert");
        refused(w -> w.putUint32("qwen2.attention.key_length", 32), Problem.BAD_VALUE, "key_length");
        refused(w -> w.putUint32("qwen2.rope.dimension_count", 17), Problem.BAD_VALUE, "dimension_count");
        refused(w -> w.putString("general.file_type", "Q4_0"), Problem.WRONG_TYPE, "general.file_type");
    }

    @Test
    void headCountsMustDivide() {
        refused(w -> w.putUint32("qwen2.attention.head_count", 3), Problem.BAD_VALUE, "does not divide 'qwen2.embedding_length'");
        refused(w -> w.putUint32("qwen2.attention.head_count_kv", 3), Problem.BAD_VALUE, "does not divide 'qwen2.attention.head_count'");
        refused(w -> w.putUint32("qwen2.attention.head_count_kv", 8), Problem.BAD_VALUE, "head_count_kv");
    }

    @Test
    void tokenListMustBeNonEmptyAndUnique() {
        refused(w -> w.putStringArray("tokenizer.ggml.tokens", List.of()), Problem.BAD_VALUE, "empty");
        List<String> dup = new ArrayList<>(tokens());
        dup.set(300, dup.get(299));
        refused(w -> w.putStringArray("tokenizer.ggml.tokens", dup), Problem.DUPLICATE, "ids 299 and 300");
        refused(w -> w.remove("tokenizer.ggml.tokens"), Problem.MISSING_KEY, "tokenizer.ggml.tokens");
        refused(w -> w.putInt32Array("tokenizer.ggml.tokens", 1, 2), Problem.WRONG_TYPE, "tokenizer.ggml.tokens");
        refused(w -> w.remove("tokenizer.ggml.model"), Problem.MISSING_KEY, "tokenizer.ggml.model");
        refused(w -> w.putString("tokenizer.ggml.model", "sentencepiece"), Problem.BAD_VALUE, "tokenizer.ggml.model");
        refused(w -> w.putString("tokenizer.ggml.pre", "qwen3000"), Problem.BAD_VALUE, "tokenizer.ggml.pre");
        refused(w -> w.remove("tokenizer.ggml.pre"), Problem.MISSING_KEY, "tokenizer.ggml.pre");
    }

    @Test
    void tokenTypesAndScoresMustMatchTheTokens() {
        int[] types = GgufFile.read(TestModels.tiny()).getIntArray("tokenizer.ggml.token_type");
        refused(w -> w.putInt32Array("tokenizer.ggml.token_type", Arrays.copyOf(types, 500)), Problem.BAD_VALUE,
                "'tokenizer.ggml.token_type' has 500 entries but there are 512 tokens");
        refused(w -> w.put("tokenizer.ggml.token_type", GgufValue.array(GgufValueType.UINT8, new byte[512])),
                Problem.WRONG_TYPE, "ARRAY[INT32]");
        int[] bad = types.clone();
        bad[7] = 9;
        refused(w -> w.putInt32Array("tokenizer.ggml.token_type", bad), Problem.BAD_VALUE, "token 7 type 9");
        refused(w -> w.putFloat32Array("tokenizer.ggml.scores", new float[511]), Problem.BAD_VALUE, "scores");
        assertDoesNotThrow(() -> ModelValidator.validate(TestModels.variant(TestModels.tiny(),
                w -> w.putFloat32Array("tokenizer.ggml.scores", new float[512]))));
    }

    @Test
    void specialTokenIdsMustBeInsideTheVocabulary() {
        refused(w -> w.putUint32("tokenizer.ggml.eos_token_id", 512), Problem.BAD_VALUE, "'tokenizer.ggml.eos_token_id' is 512");
        refused(w -> w.putUint32("tokenizer.ggml.bos_token_id", 100_000), Problem.BAD_VALUE, "bos_token_id");
        refused(w -> w.putUint32("tokenizer.ggml.padding_token_id", 1L << 31), Problem.BAD_VALUE, "padding_token_id");
        refused(w -> w.putUint32("tokenizer.ggml.eot_token_id", 9999), Problem.BAD_VALUE, "eot_token_id");
        refused(w -> w.putInt32("tokenizer.ggml.eos_token_id", 3), Problem.WRONG_TYPE, "eos_token_id");
        refused(w -> w.remove("tokenizer.ggml.eos_token_id"), Problem.MISSING_KEY, "eos_token_id");
        refused(w -> w.putUint32("tokenizer.ggml.add_bos_token", 0), Problem.WRONG_TYPE, "add_bos_token");
    }

    @Test
    void mergesMustBeWellFormedAndInTheVocabulary() {
        List<String> merges = GgufFile.read(TestModels.tiny()).getStringArray("tokenizer.ggml.merges");
        refused(w -> w.remove("tokenizer.ggml.merges"), Problem.MISSING_KEY, "merges");
        List<String> noSpace = new ArrayList<>(merges);
        noSpace.set(3, "ab");
        refused(w -> w.putStringArray("tokenizer.ggml.merges", noSpace), Problem.BAD_VALUE, "merge #3");
        List<String> unknown = new ArrayList<>(merges);
        unknown.set(5, "Ġzz qq");
        refused(w -> w.putStringArray("tokenizer.ggml.merges", unknown), Problem.BAD_VALUE, "merge #5");
    }

    @Test
    void everyByteNeedsAToken() {
        List<String> t = new ArrayList<>(tokens());
        t.set(10, "not-a-byte"); // the token of byte 0x0A (Ċ) replaced by an unused text
        refused(w -> w.putStringArray("tokenizer.ggml.tokens", t), Problem.BAD_VALUE, "byte 0x0A");
    }

    @Test
    void tensorsMustHaveTheShapesTheHyperParametersImply() {
        refused(w -> w.removeTensor("blk.1.attn_q.bias"), Problem.MISSING_TENSOR, "'blk.1.attn_q.bias'");
        refused(w -> w.removeTensor("token_embd.weight"), Problem.MISSING_TENSOR, "'token_embd.weight'");
        refused(w -> w.removeTensor("blk.0.attn_k.weight").addTensor("blk.0.attn_k.weight", GgufType.F32,
                new long[] {64, 64}, new float[64 * 64]), Problem.SHAPE_MISMATCH, "'blk.0.attn_k.weight' has shape [64, 64]");
        refused(w -> w.removeTensor("blk.0.ffn_down.weight").addTensor("blk.0.ffn_down.weight", GgufType.F32,
                new long[] {64, 128}, new float[64 * 128]), Problem.SHAPE_MISMATCH, "imply [128, 64]");
        refused(w -> w.removeTensor("output_norm.weight").addTensor("output_norm.weight", GgufType.F16,
                new long[] {64}, new float[64]), Problem.SHAPE_MISMATCH, "must be F32");
        refused(w -> w.removeTensor("blk.1.ffn_up.weight").addRawTensor("blk.1.ffn_up.weight", GgufType.I8,
                new long[] {64, 128}, new byte[64 * 128]), Problem.SHAPE_MISMATCH, "I8, a type llama.cpp cannot compute with");
        refused(w -> w.addTensor("blk.0.extra.weight", GgufType.F32, new long[] {4}, new float[4]),
                Problem.UNEXPECTED_TENSOR, "'blk.0.extra.weight'");
        refused(w -> w.putUint32("qwen2.block_count", 3), Problem.MISSING_TENSOR, "'blk.2.attn_norm.weight'");
    }

    @Test
    void theEmbeddingMustCoverTheVocabulary() {
        List<String> more = new ArrayList<>(tokens());
        more.add("extra");
        int[] types = Arrays.copyOf(GgufFile.read(TestModels.tiny()).getIntArray("tokenizer.ggml.token_type"), 513);
        types[512] = 1;
        refused(w -> w.putStringArray("tokenizer.ggml.tokens", more).putInt32Array("tokenizer.ggml.token_type", types),
                Problem.SHAPE_MISMATCH, "'token_embd.weight' has shape [64, 512] but the hyper-parameters imply [64, 513]");
    }

    @Test
    void otherArchitecturesGetTheGenericChecks() {
        GgufFile llama = TestModels.variant(TestModels.tiny(), w -> {
            GgufFile src = GgufFile.read(TestModels.tiny());
            for (var kv : src.metadata().entrySet()) {
                if (kv.getKey().startsWith("qwen2.")) {
                    w.remove(kv.getKey()).put("llama." + kv.getKey().substring(6), kv.getValue());
                }
            }
            w.putString("general.architecture", "llama");
        });
        assertDoesNotThrow(() -> ModelValidator.validate(llama), "llama takes the same tensors; biases are optional");
        GgufFile unknown = TestModels.variant(TestModels.tiny(), w -> w.putString("general.architecture", "mamba")
                .putUint32("mamba.context_length", 8).putUint32("mamba.embedding_length", 64).putUint32("mamba.block_count", 2));
        assertDoesNotThrow(() -> ModelValidator.validate(unknown));
        GgufFile missing = TestModels.variant(TestModels.tiny(), w -> w.putString("general.architecture", "mamba"));
        assertEquals(Problem.MISSING_KEY, assertThrows(GgufException.class, () -> ModelValidator.validate(missing)).problem());
    }
}
