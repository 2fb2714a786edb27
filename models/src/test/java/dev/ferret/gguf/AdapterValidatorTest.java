package dev.ferret.gguf;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferret.gguf.GgufException.Problem;
import dev.ferret.models.AdapterGenerator;
import dev.ferret.models.ModelGenerator;
import dev.ferret.models.ModelSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class AdapterValidatorTest {
    private static GgufFile base() {
        return GgufFile.read(TestModels.tiny());
    }

    private static GgufFile adapter(AdapterGenerator g) {
        return GgufFile.read(g.write(TestModels.newFile("lora.gguf")));
    }

    private static GgufFile goodAdapter() {
        return adapter(new AdapterGenerator(base()));
    }

    private static GgufException refused(GgufFile base, GgufFile adapter, Problem expected, String mentions) {
        GgufException e = assertThrows(GgufException.class, () -> AdapterValidator.validate(base, adapter));
        assertEquals(expected, e.problem(), e.getMessage());
        assertTrue(e.getMessage().contains(mentions), e.getMessage());
        return e;
    }

    private static void refusedEdit(Consumer<GgufWriter> edit, Problem expected, String mentions) {
        refused(base(), TestModels.variant(goodAdapter().path(), edit), expected, mentions);
    }

    @Test
    void aGeneratedAdapterFitsItsBase() {
        assertDoesNotThrow(() -> AdapterValidator.validate(base(), goodAdapter()));
    }

    @Test
    void anAdapterForOtherDimensionsIsRefused() {
        GgufFile small = GgufFile.read(TestModels.model(ModelSpec.small(), GgufType.Q8_0));
        GgufFile forSmall = adapter(new AdapterGenerator(small));
        GgufException e = refused(base(), forSmall, Problem.SHAPE_MISMATCH, "'blk.0.attn_k.weight' is [64, 32] in the base");
        assertTrue(e.getMessage().contains("lora_a [64, r]"), e.getMessage());
        refused(base(), adapter(new AdapterGenerator(base()).skewDimensions(32)), Problem.SHAPE_MISMATCH, "in the base");
    }

    @Test
    void anAdapterForADeeperModelNamesTheMissingTensor() {
        GgufFile deeper = GgufFile.read(new ModelGenerator(new ModelSpec("deep", 512, 64, 3, 4, 2, 128, 1024, 1e6f, 1e-6f))
                .write(TestModels.newFile("deep.gguf")));
        refused(base(), adapter(new AdapterGenerator(deeper)), Problem.INCOMPATIBLE_ADAPTER,
                "'blk.2.attn_k.weight' changed by the adapter does not exist in the base model");
    }

    @Test
    void anAdapterForAnotherArchitectureIsRefused() {
        refused(base(), adapter(new AdapterGenerator(base()).architecture("llama")), Problem.INCOMPATIBLE_ADAPTER,
                "architecture 'llama'");
    }

    @Test
    void adapterKeysAreChecked() {
        refusedEdit(w -> w.putString("general.type", "model"), Problem.INCOMPATIBLE_ADAPTER, "general.type");
        refusedEdit(w -> w.putUint32("general.type", 1), Problem.WRONG_TYPE, "general.type");
        refusedEdit(w -> w.putString("adapter.type", "ia3"), Problem.INCOMPATIBLE_ADAPTER, "adapter.type");
        refusedEdit(w -> w.remove("adapter.type"), Problem.INCOMPATIBLE_ADAPTER, "adapter.type");
        refusedEdit(w -> w.remove("adapter.lora.alpha"), Problem.MISSING_KEY, "adapter.lora.alpha");
        refusedEdit(w -> w.put("adapter.lora.alpha", GgufValue.float64(16)), Problem.WRONG_TYPE, "adapter.lora.alpha");
        refusedEdit(w -> w.remove("general.architecture"), Problem.INCOMPATIBLE_ADAPTER, "general.architecture");
    }

    @Test
    void tensorsComeInPairsNamedAfterBaseTensors() {
        refusedEdit(w -> w.removeTensor("blk.1.attn_v.weight.lora_b"), Problem.INCOMPATIBLE_ADAPTER,
                "'blk.1.attn_v.weight.lora_b' is missing");
        refusedEdit(w -> w.addTensor("blk.0.attn_q.weight.lora_c", GgufType.F32, new long[] {4}, new float[4]),
                Problem.INCOMPATIBLE_ADAPTER, "neither");
        refusedEdit(w -> w.addTensor("blk.0.nothing.weight.lora_a", GgufType.F32, new long[] {64, 8}, new float[512])
                .addTensor("blk.0.nothing.weight.lora_b", GgufType.F32, new long[] {8, 64}, new float[512]),
                Problem.INCOMPATIBLE_ADAPTER, "'blk.0.nothing.weight' changed by the adapter does not exist");
        // llama.cpp ignores norm tensors in adapters, and so do we
        assertDoesNotThrow(() -> AdapterValidator.validate(base(), TestModels.variant(goodAdapter().path(),
                w -> w.addTensor("blk.0.attn_norm.weight", GgufType.F32, new long[] {64}, new float[64]))));
    }

    @Test
    void bothHalvesOfAPairShareTheRank() {
        refusedEdit(w -> w.removeTensor("blk.0.attn_q.weight.lora_b")
                .addTensor("blk.0.attn_q.weight.lora_b", GgufType.F32, new long[] {4, 64}, new float[256]),
                Problem.SHAPE_MISMATCH, "disagree on the rank");
        refusedEdit(w -> w.removeTensor("blk.0.attn_q.weight.lora_a")
                .addTensor("blk.0.attn_q.weight.lora_a", GgufType.F32, new long[] {64, 8, 2}, new float[1024]),
                Problem.SHAPE_MISMATCH, "2-D");
        refusedEdit(w -> w.removeTensor("blk.0.attn_q.weight.lora_b")
                .addRawTensor("blk.0.attn_q.weight.lora_b", GgufType.I32, new long[] {8, 64}, new byte[8 * 64 * 4]),
                Problem.SHAPE_MISMATCH, "cannot compute with");
    }

    @Test
    void theEmbeddingTakesFlippedShapesAndNeedsAnUntiedOutput() {
        Path untied = new ModelGenerator(ModelSpec.tiny()).separateOutput(true).write(TestModels.newFile("untied.gguf"));
        GgufFile base = GgufFile.read(untied);
        GgufFile embedding = adapter(new AdapterGenerator(base).targets(List.of("token_embd", "output", "attn_q")));
        assertEquals(List.of(8L, 512L), List.of(embedding.requireTensor("token_embd.weight.lora_a").ne(0),
                embedding.requireTensor("token_embd.weight.lora_a").ne(1)));
        assertEquals(List.of(8L, 64L), List.of(embedding.requireTensor("token_embd.weight.lora_b").ne(0),
                embedding.requireTensor("token_embd.weight.lora_b").ne(1)));
        assertDoesNotThrow(() -> AdapterValidator.validate(base, embedding));
        GgufFile embeddingOnly = adapter(new AdapterGenerator(base).targets(List.of("token_embd")));
        refused(base(), embeddingOnly, Problem.INCOMPATIBLE_ADAPTER, "ties its output");
        assertThrows(IllegalArgumentException.class,
                () -> new AdapterGenerator(base()).targets(List.of("token_embd")).targetTensors());
    }
}
