package dev.ferret.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferret.gguf.GgufException;
import dev.ferret.gguf.GgufFile;
import dev.ferret.gguf.GgufTensorInfo;
import dev.ferret.gguf.GgufType;
import dev.ferret.gguf.ModelValidator;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file a calibrated target is: its shape, its labels, and the source's bytes inside it (no native code). */
class CalibratedTargetTest {
    @TempDir
    static Path dir;
    static Path source;

    @BeforeAll
    static void source() {
        source = new ModelGenerator(ModelSpec.tiny()).weightType(GgufType.Q8_0).seed(5).write(dir.resolve("tiny-q8.gguf"));
    }

    @Test
    void widensPadsAndAppendsLayers() {
        Path out = dir.resolve("target.gguf");
        CalibratedTarget.Plan p = CalibratedTarget.from(source).width(256).extraLayers(3).seed(9).write(out);
        assertEquals(4, p.factor());
        assertEquals(1024, p.ff(), "4 x the width by default when widened");
        GgufFile t = GgufFile.read(out);
        ModelValidator.validate(t);
        GgufFile s = GgufFile.read(source);
        assertEquals(256, t.getInt("qwen2.embedding_length"));
        assertEquals(5, t.getInt("qwen2.block_count"));
        assertEquals(16, t.getInt("qwen2.attention.head_count"));
        assertEquals(8, t.getInt("qwen2.attention.head_count_kv"), "the same query/key-value grouping");
        assertEquals(s.getFloat("qwen2.attention.layer_norm_rms_epsilon") / 4, t.getFloat("qwen2.attention.layer_norm_rms_epsilon"));
        assertTrue(t.getBool("ferret.synthetic"));
        assertTrue(t.getString("general.name").endsWith("(synthetic calibrated target)"));
        assertEquals(3, t.getInt("ferret.synthetic.extra_layers"));
        assertEquals(s.getStringArray("tokenizer.ggml.tokens"), t.getStringArray("tokenizer.ggml.tokens"), "same vocabulary");

        // every source row is inside the wide row, byte for byte, followed by zeros
        GgufTensorInfo srcQ = s.requireTensor("blk.1.attn_q.weight");
        GgufTensorInfo wideQ = t.requireTensor("blk.1.attn_q.weight");
        assertTrue(wideQ.hasShape(256, 256));
        byte[] a = bytes(s, srcQ);
        byte[] b = bytes(t, wideQ);
        int srcRow = (int) GgufType.Q8_0.bytesFor(64);
        int wideRow = (int) GgufType.Q8_0.bytesFor(256);
        for (int r = 0; r < 256; r++) {
            for (int i = 0; i < wideRow; i++) {
                byte expected = r < 64 && i < srcRow ? a[r * srcRow + i] : 0;
                assertEquals(expected, b[r * wideRow + i], "row " + r + " byte " + i);
            }
        }
        // norms are halved (sqrt of the factor), exactly
        float[] srcNorm = s.readTensorFloats(s.requireTensor("output_norm.weight"));
        float[] wideNorm = t.readTensorFloats(t.requireTensor("output_norm.weight"));
        for (int i = 0; i < 256; i++) {
            assertEquals(i < 64 ? srcNorm[i] / 2 : 0f, wideNorm[i]);
        }
        // the extra layers add nothing: zero output projections
        for (String name : new String[] {"blk.4.attn_output.weight", "blk.4.ffn_down.weight"}) {
            for (float v : t.readTensorFloats(t.requireTensor(name))) {
                assertEquals(0f, v, name);
            }
        }
        assertTrue(anyNonZero(t.readTensorFloats(t.requireTensor("blk.4.ffn_gate.weight"))), "but they compute something");
    }

    @Test
    void noiseFillsTheOutputProjectionsAndTheSeedFixesThem() {
        Path a = dir.resolve("a.gguf");
        Path b = dir.resolve("b.gguf");
        assertEquals(2, CalibratedTarget.from(source).extraLayers(1).noise(0.01).seed(3).write(a).srcLayers());
        CalibratedTarget.from(source).extraLayers(1).noise(0.01).seed(3).write(b);
        GgufFile t = GgufFile.read(a);
        float[] down = t.readTensorFloats(t.requireTensor("blk.2.ffn_down.weight"));
        assertTrue(anyNonZero(down));
        double sum = 0;
        for (float v : down) {
            sum += v * v;
        }
        // ffn_down's fan-in is the feed-forward width (128 for tiny): std = noise / sqrt(128)
        assertEquals(0.01 / Math.sqrt(128), Math.sqrt(sum / down.length), 0.0002, "standard deviation of the noise");
        assertEquals(64, t.getInt("qwen2.embedding_length"), "not widened");
        assertArrayEquals(readAll(a), readAll(b), "same settings, same file");
    }

    @Test
    void settingsThatCannotStayExactAreRefused() {
        CalibratedTarget c = CalibratedTarget.from(source);
        assertThrows(IllegalArgumentException.class, () -> c.width(128).plan(), "x2 is not a power of four");
        assertThrows(IllegalArgumentException.class, () -> c.width(96).plan());
        assertThrows(IllegalArgumentException.class, () -> c.width(256).feedForward(64).plan(), "narrower feed-forward");
        assertThrows(IllegalArgumentException.class, () -> c.width(256).feedForward(1000).plan(), "not whole Q8_0 blocks");
        assertThrows(IllegalArgumentException.class, () -> c.extraLayers(-1));
        assertThrows(IllegalArgumentException.class, () -> c.noise(-0.1));
        assertThrows(IllegalArgumentException.class, () -> c.noise(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> c.extraLayers(600).plan(), "llama.cpp's layer limit");
        assertThrows(IllegalArgumentException.class, () -> c.extraLayerType(GgufType.Q2_K));
        assertThrows(GgufException.class, () -> CalibratedTarget.from(dir.resolve("missing.gguf")).plan());
    }

    private static byte[] bytes(GgufFile f, GgufTensorInfo t) {
        ByteBuffer bb = f.readTensorBytes(t);
        byte[] out = new byte[bb.remaining()];
        bb.get(out);
        return out;
    }

    private static byte[] readAll(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static boolean anyNonZero(float[] v) {
        for (float x : v) {
            if (x != 0) {
                return true;
            }
        }
        return false;
    }
}
