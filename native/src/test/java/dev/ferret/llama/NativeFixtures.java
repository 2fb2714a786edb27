package dev.ferret.llama;

import dev.ferret.gguf.GgufType;
import dev.ferret.gguf.TestModels;
import dev.ferret.models.ModelSpec;
import java.nio.file.Path;

/** Generated model files and context settings for the native tests (files written once per JVM, seed 3). */
final class NativeFixtures {
    private NativeFixtures() {}

    static Path dir() {
        return TestModels.dir();
    }

    static Path model(String preset, GgufType type) {
        return TestModels.model(ModelSpec.preset(preset), type, 3);
    }

    static ContextParams ctxParams() {
        return ContextParams.defaults().withContextSize(256).withBatchSize(64).withThreads(2).withMaxSequences(4);
    }
}
