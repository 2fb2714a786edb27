package dev.ferret.models;

import dev.ferret.gguf.GgufFile;
import dev.ferret.gguf.GgufType;
import java.nio.file.Path;

/** Writes and validates one model in a JVM of its own, so a test can give it a small heap. */
public final class GenerateModel {
    private GenerateModel() {
    }

    /** Arguments: target file, weight type, then n_embd n_layer n_head n_head_kv n_ff (default: qwen05b). */
    public static void main(String[] args) {
        ModelSpec spec = args.length > 2
                ? new ModelSpec("wide", 2048, Integer.parseInt(args[2]), Integer.parseInt(args[3]), Integer.parseInt(args[4]),
                        Integer.parseInt(args[5]), Integer.parseInt(args[6]), 4096, ModelSpec.ROPE_FREQ_BASE, ModelSpec.RMS_EPS)
                : ModelSpec.qwen05b();
        Path out = new ModelGenerator(spec).weightType(GgufType.valueOf(args[1])).write(Path.of(args[0]));
        GgufFile.readModel(out);
        System.out.println("ok " + spec.parameterCount(false) + " parameters");
    }
}
