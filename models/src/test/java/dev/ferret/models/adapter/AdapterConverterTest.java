package dev.ferret.models.adapter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferret.gguf.GgufException;
import dev.ferret.gguf.GgufFile;
import dev.ferret.gguf.GgufType;
import dev.ferret.models.BaseFingerprint;
import dev.ferret.models.ModelGenerator;
import dev.ferret.models.ModelSpec;
import dev.ferret.models.adapter.AdapterFolders.Pair;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PEFT and MLX-LM adapters with the same matrices convert to the same GGUF adapter: the GGUF tensors hold
 * exactly A [n_in, r] and B [r, n_out] in ggml order, whatever the source layout.
 */
class AdapterConverterTest {
    @TempDir
    static Path dir;
    static GgufFile base;
    static final int R = 4;
    static final String[] MODULES = {"self_attn.q_proj", "self_attn.v_proj", "mlp.down_proj"};

    @BeforeAll
    static void setUp() {
        Path p = dir.resolve("base.gguf");
        new ModelGenerator(ModelSpec.tiny()).weightType(GgufType.F32).seed(3).write(p);
        base = GgufFile.readModel(p);
    }

    static List<Pair> pairs() {
        Random rnd = new Random(1);
        List<Pair> out = new ArrayList<>();
        for (int layer = 0; layer < 2; layer++) {
            for (String m : MODULES) {
                var t = base.requireTensor("blk." + layer + "." + AdapterConverter.MODULES.get(m) + ".weight");
                int nIn = (int) t.ne(0);
                int nOut = (int) t.ne(1);
                float[] a = new float[R * nIn];
                float[] b = new float[nOut * R];
                for (int i = 0; i < a.length; i++) {
                    a[i] = (float) rnd.nextGaussian();
                }
                for (int i = 0; i < b.length; i++) {
                    b[i] = (float) rnd.nextGaussian() * 0.1f;
                }
                out.add(new Pair(m, layer, nIn, nOut, a, b));
            }
        }
        return out;
    }

    static Path peft(String name, List<Pair> pairs, String config) throws Exception {
        return AdapterFolders.peft(dir.resolve(name), pairs, config);
    }

    static Path mlx(String name, List<Pair> pairs, String config) throws Exception {
        return AdapterFolders.mlx(dir.resolve(name), pairs, config);
    }

    @Test
    void peftAndMlxConvertToTheSameTensors() throws Exception {
        List<Pair> pairs = pairs();
        var rp = AdapterConverter.convert(peft("peft", pairs, "{\"r\": 4, \"lora_alpha\": 8, \"target_modules\": [\"q_proj\"]}"),
                base, dir.resolve("peft.gguf"));
        var rm = AdapterConverter.convert(mlx("mlx", pairs, "{\"lora_parameters\": {\"rank\": 4, \"scale\": 2.0, \"dropout\": 0.0}}"),
                base, dir.resolve("mlx.gguf"));
        assertEquals("peft", rp.layout());
        assertEquals("mlx-lm", rm.layout());
        assertEquals(8f, rp.alpha());
        assertEquals(8f, rm.alpha(), "MLX scale 2 at rank 4 is alpha 8");
        assertEquals(6, rp.pairs());
        GgufFile gp = GgufFile.read(rp.output());
        GgufFile gm = GgufFile.read(rm.output());
        assertEquals(BaseFingerprint.of(base), BaseFingerprint.recordedIn(gp), "a converted adapter records its base");
        assertEquals(BaseFingerprint.of(base), BaseFingerprint.recordedIn(gm));
        for (Pair p : pairs) {
            String t = "blk." + p.layer() + "." + AdapterConverter.MODULES.get(p.module()) + ".weight";
            var a = gp.requireTensor(t + ".lora_a");
            assertArrayEquals(new long[] {p.nIn(), R}, a.dims());
            assertArrayEquals(new long[] {R, p.nOut()}, gp.requireTensor(t + ".lora_b").dims());
            assertArrayEquals(p.a(), gp.readTensorFloats(a));
            assertArrayEquals(p.b(), gp.readTensorFloats(gp.requireTensor(t + ".lora_b")));
            assertArrayEquals(gp.readTensorFloats(a), gm.readTensorFloats(gm.requireTensor(t + ".lora_a")));
            assertArrayEquals(gp.readTensorFloats(gp.requireTensor(t + ".lora_b")), gm.readTensorFloats(gm.requireTensor(t + ".lora_b")));
        }
        assertEquals(8f, gm.getFloat("adapter.lora.alpha"));
        assertEquals("adapter", gm.getString("general.type"));
    }

    @Test
    void mismatchesAreRefusedWithTheReason() throws Exception {
        List<Pair> pairs = pairs();
        String cfg = "{\"r\": 4, \"lora_alpha\": 8}";
        // missing partner
        Path d1 = peft("half", pairs, cfg);
        Safetensors.writeF32(d1.resolve("adapter_model.safetensors"), List.of(
                new Safetensors.Tensor("base_model.model.model.layers.0.self_attn.q_proj.lora_A.weight", "F32", new long[] {R, 64}, new float[R * 64])));
        var e1 = assertThrows(GgufException.class, () -> AdapterConverter.convert(d1, base, dir.resolve("x.gguf")));
        assertTrue(e1.getMessage().contains("only its A"), e1.getMessage());
        // wrong shape (an adapter for another base)
        Path d2 = peft("shape", pairs, cfg);
        Safetensors.writeF32(d2.resolve("adapter_model.safetensors"), List.of(
                new Safetensors.Tensor("base_model.model.model.layers.0.self_attn.q_proj.lora_A.weight", "F32", new long[] {R, 896}, new float[R * 896]),
                new Safetensors.Tensor("base_model.model.model.layers.0.self_attn.q_proj.lora_B.weight", "F32", new long[] {896, R}, new float[896 * R])));
        var e2 = assertThrows(GgufException.class, () -> AdapterConverter.convert(d2, base, dir.resolve("x.gguf")));
        assertEquals(GgufException.Problem.INCOMPATIBLE_ADAPTER, e2.problem());
        assertTrue(e2.getMessage().contains("do not fit"), e2.getMessage());
        // a layer the base lacks
        Path d3 = peft("layer", pairs, cfg);
        Safetensors.writeF32(d3.resolve("adapter_model.safetensors"), List.of(
                new Safetensors.Tensor("base_model.model.model.layers.7.self_attn.q_proj.lora_A.weight", "F32", new long[] {R, 64}, new float[R * 64]),
                new Safetensors.Tensor("base_model.model.model.layers.7.self_attn.q_proj.lora_B.weight", "F32", new long[] {64, R}, new float[64 * R])));
        assertTrue(assertThrows(GgufException.class, () -> AdapterConverter.convert(d3, base, dir.resolve("x.gguf")))
                .getMessage().contains("no tensor blk.7"));
        // unknown module, missing config, r disagreeing with the matrices, garbage file
        Path d4 = peft("embed", pairs, cfg);
        Safetensors.writeF32(d4.resolve("adapter_model.safetensors"), List.of(
                new Safetensors.Tensor("base_model.model.model.embed_tokens.lora_embedding_A", "F32", new long[] {R, 10}, new float[R * 10])));
        assertThrows(GgufException.class, () -> AdapterConverter.convert(d4, base, dir.resolve("x.gguf")));
        Path d5 = peft("noconfig", pairs, cfg);
        Files.delete(d5.resolve("adapter_config.json"));
        assertThrows(GgufException.class, () -> AdapterConverter.convert(d5, base, dir.resolve("x.gguf")));
        Path d6 = peft("wrong-r", pairs, "{\"r\": 16, \"lora_alpha\": 8}");
        assertTrue(assertThrows(GgufException.class, () -> AdapterConverter.convert(d6, base, dir.resolve("x.gguf")))
                .getMessage().contains("r=16"));
        Path d7 = peft("garbage", pairs, cfg);
        Files.write(d7.resolve("adapter_model.safetensors"), new byte[] {(byte) 200, 0, 0, 0, 0, 0, 0, 0, '{'});
        assertThrows(GgufException.class, () -> AdapterConverter.convert(d7, base, dir.resolve("x.gguf")));
        assertThrows(GgufException.class, () -> AdapterConverter.convert(Files.createDirectories(dir.resolve("empty")), base, dir.resolve("x.gguf")));
        assertTrue(!Files.exists(dir.resolve("x.gguf")), "no output is left behind on failure");
    }

    @Test
    void aConfigThatIsAPipeOrNotUtf8IsNamedAsSuch() throws Exception {
        List<Pair> pairs = pairs();
        Path latin1 = peft("latin1-config", pairs, "{}");
        Path config = latin1.resolve("adapter_config.json");
        Files.write(config, "{\"r\": 4, \"note\": \"caf\u00e9\"}".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        String m = assertThrows(GgufException.class, () -> AdapterConverter.convert(latin1, base, dir.resolve("x.gguf"))).getMessage();
        assertTrue(m.contains(config + ": not UTF-8 text (byte 0xe9 at line 1, byte offset 21)"), m);
        Path piped = peft("pipe-config", pairs, "{}");
        Files.delete(piped.resolve("adapter_config.json"));
        Path fifo = dev.ferret.models.io.SpecialFiles.fifo(piped, "adapter_config.json");
        String p = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(60),
                () -> assertThrows(GgufException.class, () -> AdapterConverter.convert(piped, base, dir.resolve("x.gguf")))).getMessage();
        assertTrue(p.contains(fifo + ": is a named pipe (FIFO), not a regular file"), "not 'missing': " + p);
    }
}
