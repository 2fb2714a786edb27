package dev.ferret.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferret.gguf.GgufFile;
import dev.ferret.gguf.GgufType;
import dev.ferret.gguf.GgufWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaseFingerprintTest {
    @TempDir
    Path dir;

    private GgufFile model(ModelSpec spec, GgufType type, long seed) {
        Path p = dir.resolve(spec.name() + "-" + type + "-" + seed + ".gguf");
        return GgufFile.read(new ModelGenerator(spec).weightType(type).seed(seed).write(p));
    }

    @Test
    void quantizationsOfOneModelShareItAndOtherModelsOfTheSameShapesDoNot() {
        String f32 = BaseFingerprint.of(model(ModelSpec.tiny(), GgufType.F32, 1));
        assertTrue(f32.matches("[0-9a-f]{64}"), f32);
        assertEquals(f32, BaseFingerprint.of(model(ModelSpec.tiny(), GgufType.Q8_0, 1)), "types are left out");
        assertEquals(f32, BaseFingerprint.of(model(ModelSpec.tiny(), GgufType.Q4_0, 1)));
        assertNotEquals(f32, BaseFingerprint.of(model(ModelSpec.tiny(), GgufType.F32, 2)), "another training, same shapes");
        assertNotEquals(f32, BaseFingerprint.of(model(ModelSpec.preset("small"), GgufType.F32, 1)));
    }

    @Test
    void adaptersRecordTheirBaseAndRefuseAQ40One() {
        GgufFile base = model(ModelSpec.tiny(), GgufType.Q8_0, 1);
        GgufFile a = GgufFile.read(new AdapterGenerator(base).write(dir.resolve("lora.gguf")));
        assertEquals(BaseFingerprint.of(base), BaseFingerprint.recordedIn(a));
        // the key is ours: an adapter from another tool has none, and one with another type is not read as ours
        GgufWriter w = GgufWriter.copyOf(a);
        w.remove(BaseFingerprint.KEY);
        w.write(dir.resolve("foreign.gguf"));
        assertNull(BaseFingerprint.recordedIn(GgufFile.read(dir.resolve("foreign.gguf"))));
        GgufWriter.copyOf(a).putUint32(BaseFingerprint.KEY, 7).write(dir.resolve("odd.gguf"));
        assertNull(BaseFingerprint.recordedIn(GgufFile.read(dir.resolve("odd.gguf"))));
        GgufFile q4 = model(ModelSpec.tiny(), GgufType.Q4_0, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new AdapterGenerator(q4).write(dir.resolve("q4.gguf")));
        assertTrue(e.getMessage().contains("Q4_0") && e.getMessage().contains("blk.0.attn_q.weight"), e.getMessage());
    }
}
