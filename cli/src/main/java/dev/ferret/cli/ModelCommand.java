package dev.ferret.cli;

import dev.ferret.gguf.GgufType;
import dev.ferret.models.ModelGenerator;
import dev.ferret.models.ModelSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "model", description = "Make model files.", subcommands = {ModelCommand.Create.class})
final class ModelCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.err);
    }

    @Command(name = "create", description = "Write a qwen2-architecture GGUF with our BPE tokenizer and seeded random weights.")
    static final class Create implements Callable<Integer> {
        @Option(names = "--out", required = true, description = "output .gguf")
        Path out;

        @Option(names = "--preset", defaultValue = "tiny", description = "tiny, small or qwen05b (Qwen2.5-0.5B layer sizes) (default ${DEFAULT-VALUE})")
        String preset;

        @Option(names = "--quant", defaultValue = "q4_0", description = "f32, f16, q8_0, q4_0 or q4_k (default ${DEFAULT-VALUE})")
        String quant;

        @Option(names = "--seed", defaultValue = "1")
        long seed;

        @Override
        public Integer call() {
            GgufType type = switch (quant.toLowerCase(Locale.ROOT)) {
                case "f32" -> GgufType.F32;
                case "f16" -> GgufType.F16;
                case "q8_0" -> GgufType.Q8_0;
                case "q4_0" -> GgufType.Q4_0;
                case "q4_k" -> GgufType.Q4_K;
                default -> throw new IllegalArgumentException("unknown --quant " + quant + " (f32, f16, q8_0, q4_0, q4_k)");
            };
            ModelSpec spec = ModelSpec.preset(preset);
            long t0 = System.nanoTime();
            new ModelGenerator(spec).weightType(type).seed(seed).write(out);
            try {
                System.out.printf("wrote %s: %s, %s, %d bytes in %.1f s%n", out, spec.name(), type, Files.size(out), (System.nanoTime() - t0) / 1e9);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return 0;
        }
    }
}
