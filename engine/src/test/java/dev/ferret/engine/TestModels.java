package dev.ferret.engine;

import dev.ferret.gguf.GgufType;
import dev.ferret.models.ModelGenerator;
import dev.ferret.models.ModelSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Generated GGUF files shared by the engine tests of one JVM (written once into a temp folder). */
final class TestModels {
    private static final Map<String, Path> CACHE = new ConcurrentHashMap<>();
    private static Path dir;

    private TestModels() {}

    static synchronized Path dir() {
        if (dir == null) {
            try {
                dir = Files.createTempDirectory("ferret-engine-test");
                dir.toFile().deleteOnExit();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return dir;
    }

    /** The tiny preset, Q4_0, seed 1. */
    static Path tinyQ4() {
        return model("tiny", GgufType.Q4_0, 1);
    }

    static Path model(String preset, GgufType type, long seed) {
        return CACHE.computeIfAbsent(preset + "-" + type + "-" + seed, k -> {
            Path p = dir().resolve(k + ".gguf");
            new ModelGenerator(ModelSpec.preset(preset)).weightType(type).seed(seed).write(p);
            p.toFile().deleteOnExit();
            return p;
        });
    }

    static ModelOptions small() {
        return ModelOptions.defaults().withContextSize(512).withThreads(2);
    }
}
