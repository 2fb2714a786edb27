package dev.ferret.gguf;

import dev.ferret.models.ModelGenerator;
import dev.ferret.models.ModelSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Stream;

/** Generated models shared by the tests of one JVM: written once into a temporary directory, removed at exit. */
public final class TestModels {
    private static final Map<String, Path> CACHE = new ConcurrentHashMap<>();
    private static Path dir;

    private TestModels() {
    }

    /** The tiny preset with F32 weights (seed 42). */
    public static Path tiny() {
        return model(ModelSpec.tiny(), GgufType.F32);
    }

    /** The tiny preset with Q8_0 weights: a small file for fuzzing. */
    public static Path tinyQ8() {
        return model(ModelSpec.tiny(), GgufType.Q8_0);
    }

    public static synchronized Path model(ModelSpec spec, GgufType type) {
        return CACHE.computeIfAbsent(spec.name() + "-" + type, name ->
                new ModelGenerator(spec).weightType(type).write(newFile(name + ".gguf")));
    }

    /** {@code spec} with {@code type} weights drawn with {@code seed}: the model the native and engine tests share. */
    public static synchronized Path model(ModelSpec spec, GgufType type, long seed) {
        // named for what it holds ("tiny-Q8_0-2.gguf"): tests and messages may show the name
        return CACHE.computeIfAbsent(spec.name() + "-" + type + "-" + seed, name ->
                new ModelGenerator(spec).weightType(type).seed(seed).write(dir().resolve(name + ".gguf")));
    }

    /** The shared directory, removed at exit; for files a test names itself. */
    public static synchronized Path dir() {
        if (dir == null) {
            try {
                dir = Files.createTempDirectory("ferret-models-test");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Path toDelete = dir;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(toDelete)));
        }
        return dir;
    }

    /** A fresh path in the shared directory (the file does not exist yet). */
    public static synchronized Path newFile(String name) {
        try {
            return Files.createTempFile(dir(), "", "-" + name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A copy of {@code source} changed by {@code edit}, written to a fresh file and read back (syntax only). */
    public static GgufFile variant(Path source, Consumer<GgufWriter> edit) {
        GgufWriter w = GgufWriter.copyOf(GgufFile.read(source));
        edit.accept(w);
        Path out = newFile("variant.gguf");
        w.write(out);
        return GgufFile.read(out);
    }

    public static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path write(byte[] bytes) {
        Path out = newFile("bytes.gguf");
        try {
            Files.write(out, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort at exit
        }
    }
}
