package dev.ferret.cli;

import dev.ferret.gguf.GgufType;
import dev.ferret.models.CalibratedTarget;
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

    @Command(name = "create", description = {
            "Write a qwen2-architecture GGUF with our BPE tokenizer and seeded random weights,",
            "or, with --from, the SYNTHETIC target of a calibrated speculative-decoding pair: the small model, optionally",
            "widened (--width), plus --extra-layers blocks whose output projections are zero (--noise: random instead).",
            "It predicts exactly what the small model predicts, at a higher cost; the small model is its draft."})
    static final class Create implements Callable<Integer> {
        @Option(names = "--out", required = true, description = "output .gguf")
        Path out;

        @Option(names = "--preset", description = "tiny, small or qwen05b (Qwen2.5-0.5B layer sizes) (default tiny)")
        String preset;

        @Option(names = "--quant", description = "f32, f16, q8_0, q4_0 or q4_k (default q4_0; with --from: the extra layers' type, default the source's)")
        String quant;

        @Option(names = "--seed", defaultValue = "1")
        long seed;

        @Option(names = "--from", description = "small trained qwen2 model to build a calibrated target from (synthetic pair)")
        Path from;

        @Option(names = "--extra-layers", defaultValue = "0", description = "with --from: blocks appended after the source's (default ${DEFAULT-VALUE})")
        int extraLayers;

        @Option(names = "--noise", defaultValue = "0", description = "with --from: std of the extra blocks' attn_output/ffn_down weights in units of 1/sqrt(fan-in); 0 = exact agreement (default ${DEFAULT-VALUE})")
        double noise;

        @Option(names = "--width", defaultValue = "0", description = "with --from: residual width, the source's times 1, 4, 16 or 64 (default: the source's)")
        int width;

        @Option(names = "--ff", defaultValue = "0", description = "with --from: feed-forward width (default: the source's, or 4 x the width when widened)")
        int ff;

        @Override
        public Integer call() {
            GgufType type = quant == null ? null : switch (quant.toLowerCase(Locale.ROOT)) {
                case "f32" -> GgufType.F32;
                case "f16" -> GgufType.F16;
                case "q8_0" -> GgufType.Q8_0;
                case "q4_0" -> GgufType.Q4_0;
                case "q4_k" -> GgufType.Q4_K;
                default -> throw new IllegalArgumentException("unknown --quant " + quant + " (f32, f16, q8_0, q4_0, q4_k)");
            };
            long t0 = System.nanoTime();
            String what;
            if (from != null) {
                if (preset != null) {
                    throw new IllegalArgumentException("--preset and --from exclude each other");
                }
                CalibratedTarget c = CalibratedTarget.from(from).extraLayers(extraLayers).noise(noise).width(width).feedForward(ff).seed(seed);
                if (type != null) {
                    c = c.extraLayerType(type);
                }
                CalibratedTarget.Plan p = c.write(out);
                what = String.format(Locale.ROOT, "SYNTHETIC calibrated target of %s: width %d (x%d), ff %d, %d + %d layers, noise %g, %.0f M parameters in the extra blocks",
                        from.getFileName(), p.width(), p.factor(), p.ff(), p.srcLayers(), p.layers() - p.srcLayers(), noise,
                        p.blockWeights() * (double) (p.layers() - p.srcLayers()) / 1e6);
            } else {
                if (extraLayers != 0 || noise != 0 || width != 0 || ff != 0) {
                    throw new IllegalArgumentException("--extra-layers, --noise, --width and --ff need --from");
                }
                ModelSpec spec = ModelSpec.preset(preset == null ? "tiny" : preset);
                GgufType t = type == null ? GgufType.Q4_0 : type;
                new ModelGenerator(spec).weightType(t).seed(seed).write(out);
                what = spec.name() + ", " + t;
            }
            try {
                System.out.printf("wrote %s: %s, %d bytes in %.1f s%n", out, what, Files.size(out), (System.nanoTime() - t0) / 1e9);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return 0;
        }
    }
}
