package dev.ferret.bench;

import dev.ferret.gguf.GgufFile;
import dev.ferret.gguf.GgufType;
import dev.ferret.models.ModelGenerator;
import dev.ferret.models.ModelSpec;
import dev.ferret.models.tokenizer.BpeTokenizer;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The model files the benchmarks run on. Defaults are generated once into {@code .work/bench-models}: a
 * target with Qwen2.5-0.5B's layer sizes (Q4_0, random weights, so its cost per token is realistic) and a
 * small draft model sharing its tokenizer. {@code -Dferret.bench.model=...} and {@code -Dferret.bench.draft=...}
 * point at any GGUF instead (e.g. the real Qwen2.5-Coder-7B Q4_K_M and its 0.5B draft).
 */
public final class BenchModels {
    private BenchModels() {}

    static Path dir() {
        return Path.of(System.getProperty("ferret.bench.dir", ".work/bench-models"));
    }

    public static Path target() {
        String p = System.getProperty("ferret.bench.model");
        if (p != null && !p.isBlank()) {
            return Path.of(p);
        }
        Path f = dir().resolve("qwen05b-q4_0.gguf");
        if (!Files.isRegularFile(f)) {
            System.err.println("bench: generating " + f + " (Qwen2.5-0.5B layer sizes, Q4_0; once)");
            new ModelGenerator(ModelSpec.qwen05b()).weightType(GgufType.Q4_0).seed(1).write(f);
        }
        return f;
    }

    public static Path draft() {
        String p = System.getProperty("ferret.bench.draft");
        if (p != null && !p.isBlank()) {
            return Path.of(p);
        }
        String stem = target().getFileName().toString().replaceFirst("\\.gguf$", "");
        Path f = dir().resolve("draft-small-for-" + stem + ".gguf");
        if (!Files.isRegularFile(f)) {
            BpeTokenizer tok = BpeTokenizer.fromGguf(GgufFile.read(target()));
            System.err.println("bench: generating " + f + " (small draft with the target's tokenizer; once)");
            new ModelGenerator(ModelSpec.small().withVocabSize(tok.vocabSize()).withName("ferret-draft"))
                    .tokenizer(tok).weightType(GgufType.Q4_0).seed(2).write(f);
        }
        return f;
    }
}
