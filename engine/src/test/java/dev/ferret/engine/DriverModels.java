package dev.ferret.engine;

import dev.ferret.gguf.GgufFile;
import dev.ferret.gguf.GgufType;
import dev.ferret.models.AdapterGenerator;
import dev.ferret.models.ModelGenerator;
import dev.ferret.models.ModelSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The files the child-JVM drivers ({@link StressDriver}, {@link CloseRaceDriver}) load: a tiny Q8_0 base (seed 1),
 * a draft model of the same vocabulary (seed 2) and a LoRA adapter for the base (seed 3), written once per folder.
 */
record DriverModels(Path base, Path draft, Path adapter) {
    static DriverModels in(Path dir, String prefix) throws IOException {
        Files.createDirectories(dir);
        DriverModels m = new DriverModels(dir.resolve(prefix + "-tiny-q8_0.gguf"), dir.resolve(prefix + "-draft-q8_0.gguf"),
                dir.resolve(prefix + "-lora.gguf"));
        if (!Files.exists(m.base)) {
            new ModelGenerator(ModelSpec.tiny()).weightType(GgufType.Q8_0).seed(1).write(m.base);
        }
        if (!Files.exists(m.draft)) {
            new ModelGenerator(ModelSpec.tiny()).weightType(GgufType.Q8_0).seed(2).write(m.draft);
        }
        if (!Files.exists(m.adapter)) {
            new AdapterGenerator(GgufFile.read(m.base)).rank(4).alpha(8f).seed(3).write(m.adapter);
        }
        return m;
    }
}
