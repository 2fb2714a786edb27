package dev.ferret.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferret.gguf.AdapterValidator;
import dev.ferret.gguf.GgufException;
import dev.ferret.gguf.GgufFile;
import dev.ferret.gguf.GgufTensorInfo;
import dev.ferret.gguf.GgufType;
import dev.ferret.gguf.TestModels;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdapterGeneratorTest {
    @TempDir
    Path dir;

    private final GgufFile base = GgufFile.read(TestModels.tiny());

    @Test
    void writesAnAdapterTheValidatorAccepts() {
        GgufFile a = GgufFile.read(new AdapterGenerator(base).write(dir.resolve("lora.gguf")));
        assertDoesNotThrow(() -> AdapterValidator.validate(base, a));
        assertEquals("adapter", a.getString("general.type"));
        assertEquals("qwen2", a.architecture());
        assertEquals("lora", a.getString("adapter.type"));
        assertEquals(16f, a.getFloat("adapter.lora.alpha"));
        assertEquals(2 * 4 * 2, a.tensors().size()); // 4 projections in 2 blocks, 2 matrices each
        GgufTensorInfo k = a.requireTensor("blk.1.attn_k.weight.lora_a");
        assertArrayEquals(new long[] {64, 8}, k.dims());
        assertArrayEquals(new long[] {8, 32}, a.requireTensor("blk.1.attn_k.weight.lora_b").dims());
    }

    @Test
    void bothMatricesAreNonZeroSoTheAdapterChangesSomething() {
        GgufFile a = GgufFile.read(new AdapterGenerator(base).rank(4).write(dir.resolve("lora.gguf")));
        float[] la = a.readTensorFloats(a.requireTensor("blk.0.attn_q.weight.lora_a")); // [64, 4]
        float[] lb = a.readTensorFloats(a.requireTensor("blk.0.attn_q.weight.lora_b")); // [4, 64]
        double sum = 0;
        for (int o = 0; o < 64; o++) {
            for (int i = 0; i < 64; i++) {
                double delta = 0;
                for (int r = 0; r < 4; r++) {
                    delta += lb[o * 4 + r] * la[r * 64 + i];
                }
                sum += delta * delta;
            }
        }
        assertTrue(sum > 0.01, "B A is far from zero: " + sum);
    }

    @Test
    void optionsChangeRankAlphaTypeAndTargets() {
        GgufFile a = GgufFile.read(new AdapterGenerator(base).rank(16).alpha(32).type(GgufType.F16)
                .targets(List.of("ffn_up", "ffn_down")).write(dir.resolve("lora.gguf")));
        assertDoesNotThrow(() -> AdapterValidator.validate(base, a));
        assertEquals(32f, a.getFloat("adapter.lora.alpha"));
        assertArrayEquals(new long[] {128, 16}, a.requireTensor("blk.0.ffn_down.weight.lora_a").dims());
        assertEquals(GgufType.F16, a.requireTensor("blk.0.ffn_down.weight.lora_a").type());
        assertEquals(4 * 2, a.tensors().size());
        assertThrows(IllegalArgumentException.class, () -> new AdapterGenerator(base).targets(List.of("nothing")).targetTensors());
        assertThrows(IllegalArgumentException.class, () -> new AdapterGenerator(base).rank(0));
        assertThrows(IllegalArgumentException.class, () -> new AdapterGenerator(base).type(GgufType.Q8_0));
    }

    @Test
    void theSameSeedGivesTheSameAdapter() {
        Path a = new AdapterGenerator(base).seed(3).write(dir.resolve("a.gguf"));
        Path b = new AdapterGenerator(base).seed(3).write(dir.resolve("b.gguf"));
        assertArrayEquals(TestModels.bytes(a), TestModels.bytes(b));
    }

    @Test
    void deliberatelyWrongAdaptersAreRefused() {
        GgufFile skewed = GgufFile.read(new AdapterGenerator(base).skewDimensions(32).write(dir.resolve("skew.gguf")));
        assertEquals(GgufException.Problem.SHAPE_MISMATCH,
                assertThrows(GgufException.class, () -> AdapterValidator.validate(base, skewed)).problem());
        GgufFile llama = GgufFile.read(new AdapterGenerator(base).architecture("llama").write(dir.resolve("arch.gguf")));
        assertEquals(GgufException.Problem.INCOMPATIBLE_ADAPTER,
                assertThrows(GgufException.class, () -> AdapterValidator.validate(base, llama)).problem());
    }

    @Test
    void theAdapterChangesTheReferenceModelsLogits() {
        GgufFile a = GgufFile.read(new AdapterGenerator(base).targets(List.of("attn_output")).write(dir.resolve("o.gguf")));
        // merge W += alpha / r * B A into a copy of the base, then compare next-token logits
        Path merged = dir.resolve("merged.gguf");
        dev.ferret.gguf.GgufWriter w = dev.ferret.gguf.GgufWriter.copyOf(base);
        for (int layer = 0; layer < 2; layer++) {
            String name = "blk." + layer + ".attn_output.weight";
            float[] wt = base.readTensorFloats(base.requireTensor(name));
            float[] la = a.readTensorFloats(a.requireTensor(name + ".lora_a")); // [64, 8]: row r has 64
            float[] lb = a.readTensorFloats(a.requireTensor(name + ".lora_b")); // [8, 64]: row o has 8
            for (int o = 0; o < 64; o++) {
                for (int i = 0; i < 64; i++) {
                    float d = 0;
                    for (int r = 0; r < 8; r++) {
                        d += lb[o * 8 + r] * la[r * 64 + i];
                    }
                    wt[o * 64 + i] += 16f / 8 * d;
                }
            }
            w.removeTensor(name).addTensor(name, GgufType.F32, new long[] {64, 64}, wt);
        }
        w.write(merged);
        int[] prompt = dev.ferret.models.tokenizer.BpeTrainer.defaultTokenizer(512).encode("<|im_start|>user\nhi<|im_end|>\n");
        List<Integer> before = new ReferenceQwen2(base).greedy(prompt, 8);
        List<Integer> after = new ReferenceQwen2(GgufFile.read(merged)).greedy(prompt, 8);
        assertTrue(!before.equals(after), "the adapter changes what the model says: " + before + " vs " + after);
    }
}
