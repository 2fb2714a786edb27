package dev.ferret.llama;

import dev.ferret.gguf.GgufType;
import dev.ferret.models.ModelGenerator;
import dev.ferret.models.ModelSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Generated model files for the native tests, written once per JVM. */
final class NativeFixtures {
    private static final Map<String, Path> CACHE = new ConcurrentHashMap<>();
    private static Path dir;

    private NativeFixtures() {}

    static synchronized Path dir() {
        if (dir == null) {
            try {
                dir = Files.createTempDirectory("ferret-native-test");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return dir;
    }

    static Path model(String preset, GgufType type) {
        return CACHE.computeIfAbsent(preset + "-" + type, k -> {
            Path p = dir().resolve(k + ".gguf");
            new ModelGenerator(ModelSpec.preset(preset)).weightType(type).seed(3).write(p);
            return p;
        });
    }

    static ContextParams ctxParams() {
        return ContextParams.defaults().withContextSize(256).withBatchSize(64).withThreads(2).withMaxSequences(4);
    }
}
