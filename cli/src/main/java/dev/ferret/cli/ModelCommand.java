package dev.ferret.cli;

import dev.ferret.gguf.GgufFile;
import dev.ferret.gguf.GgufTensorInfo;
import dev.ferret.gguf.GgufType;
import dev.ferret.models.ModelGenerator;
import dev.ferret.models.ModelSpec;
import dev.ferret.models.WeightMix;
import dev.ferret.models.tokenizer.TokenizerJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "model", mixinStandardHelpOptions = true, description = "Make model files.", subcommands = {ModelCommand.Create.class})
final class ModelCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.err);
    }

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Write a qwen2-architecture GGUF with seeded random weights and our BPE tokenizer, "
            + "or a real one imported from a Hugging Face tokenizer.json.")
    static final class Create implements Callable<Integer> {
        @Option(names = "--out", required = true, description = "output .gguf")
        Path out;

        @Option(names = "--preset", defaultValue = "tiny", description = "tiny, small, qwen05b (Qwen2.5-0.5B layer sizes, small "
                + "vocabulary), qwen25-coder-7b or qwen25-coder-0.5b (the real models' shapes; need --tokenizer) (default ${DEFAULT-VALUE})")
        String preset;

        @Option(names = "--quant", defaultValue = "q4_0", description = "f32, f16, bf16, q8_0, q5_0, q4_0, q4_k, q6_k, or q4_k_m "
                + "(llama.cpp's Q4_K_M mix) (default ${DEFAULT-VALUE})")
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

        /** Presets with more rows than this need an imported tokenizer: Ferret's corpus trains far fewer tokens. */
        private static final int REAL_VOCABULARY = 65_536;

        @Override
        public Integer call() throws IOException {
            ModelSpec spec = ModelSpec.preset(preset);
            if (tokenizer == null && spec.vocabSize() > REAL_VOCABULARY) {
                throw new IllegalArgumentException("--preset " + preset + " has the real Qwen2.5 vocabulary (" + spec.vocabSize()
                        + " rows): give --tokenizer tokenizer.json (scripts/fetch-qwen-tokenizer.sh fetches it)");
            }
            long t0 = System.nanoTime();
            ModelGenerator g = new ModelGenerator(spec).weights(WeightMix.parse(quant)).seed(seed)
                    .threads(threads > 0 ? threads : Runtime.getRuntime().availableProcessors());
            if (tokenizer != null) {
                g = g.importTokenizer(TokenizerJson.read(tokenizer).withoutQwen3Additions());
            }
            if (chatTemplate != null) {
                g = g.chatTemplate(Files.readString(chatTemplate, StandardCharsets.UTF_8));
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
    }
}
