package dev.ferret.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferret.gguf.GgufFile;
import dev.ferret.gguf.GgufType;
import dev.ferret.gguf.GgufWriter;
import dev.ferret.models.AdapterGenerator;
import dev.ferret.models.BaseFingerprint;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Issue 17.11: an adapter made for another base of the same shapes loads, with a warning. */
@Tag("native")
class AdapterBaseTest {
    /** Warnings logged while {@code load} runs. */
    private static List<String> warnings(Runnable load) {
        List<String> seen = new ArrayList<>();
        Logger log = Logger.getLogger(AdapterBase.class.getName());
        Handler h = new Handler() {
            @Override
            public void publish(LogRecord r) {
                seen.add(r.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        log.addHandler(h);
        try {
            load.run();
        } finally {
            log.removeHandler(h);
        }
        return seen;
    }

    @Test
    void aMismatchIsAWarningAndItsAbsenceIsSilent() {
        Path seed1 = TestModels.model("tiny", GgufType.Q8_0, 1);
        Path seed1f32 = TestModels.model("tiny", GgufType.F32, 1);
        Path seed2 = TestModels.model("tiny", GgufType.Q8_0, 2);
        Path forSeed1 = TestModels.dir().resolve("lora-for-seed1.gguf");
        new AdapterGenerator(GgufFile.read(seed1)).rank(4).seed(3).write(forSeed1);
        Path foreign = TestModels.dir().resolve("lora-foreign.gguf");
        GgufWriter.copyOf(GgufFile.read(forSeed1)).remove(BaseFingerprint.KEY).write(foreign);

        try (Model other = Model.load(seed2, TestModels.small())) {
            List<String> w = warnings(() -> other.loadAdapter(forSeed1).close());
            assertEquals(1, w.size(), w.toString());
            assertTrue(w.get(0).startsWith("adapter lora-for-seed1.gguf was made for another base model than tiny-Q8_0-2"), w.get(0));
            assertTrue(warnings(() -> other.loadAdapter(foreign).close()).isEmpty(), "adapters of other tools record no base");
        }
        // the base itself, and another quantization of the same weights: no warning
        for (Path same : List.of(seed1, seed1f32)) {
            try (Model m = Model.load(same, TestModels.small())) {
                assertTrue(warnings(() -> m.loadAdapter(forSeed1).close()).isEmpty(), same.toString());
                assertNull(AdapterBase.mismatch(m, forSeed1, GgufFile.read(forSeed1)));
            }
        }
    }
}
