package dev.ferret.engine;

import dev.ferret.gguf.GgufType;
import dev.ferret.models.ModelSpec;
import java.nio.file.Path;

/** Generated GGUF files shared by the engine tests of one JVM (written once, by the models module's test fixtures). */
final class TestModels {
    private TestModels() {}

    /** The shared temporary folder, for files a test writes itself. */
    static Path dir() {
        return dev.ferret.gguf.TestModels.dir();
    }

    /** The tiny preset, Q4_0, seed 1. */
    static Path tinyQ4() {
        return model("tiny", GgufType.Q4_0, 1);
    }

    static Path model(String preset, GgufType type, long seed) {
        return dev.ferret.gguf.TestModels.model(ModelSpec.preset(preset), type, seed);
    }

    static ModelOptions small() {
        return ModelOptions.defaults().withContextSize(512).withThreads(2);
    }
}
