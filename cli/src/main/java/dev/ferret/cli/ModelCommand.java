package dev.ferret.cli;

import dev.ferret.gguf.GgufFile;
import dev.ferret.gguf.GgufTensorInfo;
import dev.ferret.gguf.GgufType;
import dev.ferret.models.CalibratedTarget;
import dev.ferret.models.ModelGenerator;
import dev.ferret.models.ModelSpec;
import dev.ferret.models.WeightMix;
import dev.ferret.models.tokenizer.TokenizerJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "model", mixinStandardHelpOptions = true, description = "Make model files.", subcommands = {ModelCommand.Create.class})
final class ModelCommand extends CommandGroup {
    @Command(name = "create", mixinStandardHelpOptions = true, description = {
            "Write a qwen2-architecture GGUF with seeded random weights and our BPE tokenizer, or a real one imported",
            "from a Hugging Face tokenizer.json; or, with --from, the SYNTHETIC target of a calibrated speculative-decoding",
            "pair: the small model, optionally widened (--width), plus --extra-layers blocks whose output projections are",
            "zero (--noise: random instead). It predicts exactly what the small model predicts, at a higher cost; the small",
            "model is its draft."})
    static final class Create implements Callable<Integer> {
        @Option(names = "--out", required = true, description = "output .gguf")
        Path out;

        @Option(names = "--preset", description = "tiny, small, qwen05b (Qwen2.5-0.5B layer sizes, small vocabulary), "
                + "qwen25-coder-7b or qwen25-coder-0.5b (the real models' shapes; need --tokenizer) (default tiny)")
        String preset;

        @Option(names = "--quant", description = "f32, f16, bf16, q8_0, q5_0, q4_0, q4_k, q6_k, or q4_k_m (llama.cpp's Q4_K_M mix) "
                + "(default q4_0; with --from: the extra layers' single type, default the source's)")
        String quant;

        @Option(names = "--tokenizer", description = "a Hugging Face tokenizer.json (byte-level BPE with Qwen2's pre-tokenizer; "
                + "a Qwen3 file is cut to Qwen2.5's 151,665 tokens); tokenizer_config.json beside it gives EOS/PAD/BOS")
        Path tokenizer;

        @Option(names = "--chat-template", description = "Jinja file stored as tokenizer.chat_template (default: Ferret's own)")
        Path chatTemplate;

        @Option(names = "--threads", defaultValue = "0", description = "threads filling and quantizing weights (0 = all cores)")
        int threads;

        @Option(names = "--seed", defaultValue = "1", description = "seed of the random weights (default ${DEFAULT-VALUE})")
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

        /** Presets with more rows than this need an imported tokenizer: Ferret's corpus trains far fewer tokens. */
        private static final int REAL_VOCABULARY = 65_536;

        @Override
        public Integer call() throws IOException {
            OptionFiles.requireOutput("--out", out);
            return from != null ? calibrated() : generated();
        }

        private int generated() throws IOException {
            if (extraLayers != 0 || noise != 0 || width != 0 || ff != 0) {
                throw new IllegalArgumentException("--extra-layers, --noise, --width and --ff need --from");
            }
            ModelSpec spec = ModelSpec.preset(preset == null ? "tiny" : preset);
            if (tokenizer == null && spec.vocabSize() > REAL_VOCABULARY) {
                throw new IllegalArgumentException("--preset " + preset + " has the real Qwen2.5 vocabulary (" + spec.vocabSize()
                        + " rows): give --tokenizer tokenizer.json (scripts/fetch-qwen-tokenizer.sh fetches it)");
            }
            long t0 = System.nanoTime();
            ModelGenerator g = new ModelGenerator(spec).weights(WeightMix.parse(quant == null ? "q4_0" : quant)).seed(seed)
                    .threads(threads > 0 ? threads : Runtime.getRuntime().availableProcessors());
            if (tokenizer != null) {
                OptionFiles.requireInput("--tokenizer", tokenizer);
                g = g.importTokenizer(TokenizerJson.read(tokenizer).withoutQwen3Additions());
            }
            if (chatTemplate != null) {
                g = g.chatTemplate(OptionFiles.readText("--chat-template", chatTemplate));
            }
            g.write(out);
            Map<GgufType, Integer> types = new TreeMap<>();
            for (GgufTensorInfo t : GgufFile.read(out).tensors()) {
                types.merge(t.type(), 1, Integer::sum);
            }
            System.out.printf("wrote %s: %s, %s, %d tokens, %d bytes in %.1f s; tensor types %s%n", out, g.spec().name(),
                    g.weights().label(), g.spec().vocabSize(), Files.size(out), (System.nanoTime() - t0) / 1e9, types);
            return 0;
        }

        private int calibrated() throws IOException {
            if (preset != null || tokenizer != null || chatTemplate != null) {
                throw new IllegalArgumentException("--from takes the source's tokenizer, template and shape: --preset, "
                        + "--tokenizer and --chat-template do not go with it");
            }
            long t0 = System.nanoTime();
            CalibratedTarget c = CalibratedTarget.from(from).extraLayers(extraLayers).noise(noise).width(width).feedForward(ff).seed(seed);
            if (quant != null) {
                if (!(WeightMix.parse(quant) instanceof WeightMix.Uniform u)) {
                    throw new IllegalArgumentException("--quant " + quant + " is a mix; with --from the extra layers take one type");
                }
                c = c.extraLayerType(u.type());
            }
            CalibratedTarget.Plan p = c.write(out);
            System.out.printf(Locale.ROOT, "wrote %s: SYNTHETIC calibrated target of %s: width %d (x%d), ff %d, %d + %d layers, "
                            + "noise %g, %.0f M parameters in the extra blocks, %d bytes in %.1f s%n", out, from.getFileName(),
                    p.width(), p.factor(), p.ff(), p.srcLayers(), p.layers() - p.srcLayers(), noise,
                    p.blockWeights() * (double) (p.layers() - p.srcLayers()) / 1e6, Files.size(out), (System.nanoTime() - t0) / 1e9);
            return 0;
        }
    }
}
