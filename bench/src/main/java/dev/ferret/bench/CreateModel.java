package dev.ferret.bench;

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

/**
 * Writes one generated model for the benchmarks, with the options {@code ferret model create} is to get
 * ({@code --preset}, {@code --tokenizer}, {@code --chat-template}, {@code --quant}, {@code --threads},
 * {@code --seed}, {@code --out}); e.g. the models of {@code bench/scripts/qwen7b-shape.sh}:
 *
 * <pre>
 * java -cp ... dev.ferret.bench.CreateModel --preset qwen25-coder-7b --tokenizer .work/qwen-tokenizer/tokenizer.json \
 *     --chat-template Qwen-Qwen2.5-7B-Instruct.jinja --quant q4_k_m --out .work/qwen-shape/qwen25-coder-7b-q4_k_m.gguf
 * </pre>
 *
 * Prints one line: the file, its size, the seconds taken, the tensor types and their counts.
 */
public final class CreateModel {
    private CreateModel() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> o = new TreeMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --option value, got " + args[i]);
            }
            o.put(args[i].substring(2), args[i + 1]);
        }
        if (args.length % 2 != 0 || !o.containsKey("out")) {
            System.err.println("usage: CreateModel --out F.gguf [--preset P] [--tokenizer tokenizer.json] "
                    + "[--chat-template F.jinja] [--quant q4_k_m|q4_k|q8_0|...] [--threads N] [--seed N]");
            System.exit(2);
        }
        Path out = Path.of(o.get("out"));
        long t0 = System.nanoTime();
        ModelGenerator g = new ModelGenerator(ModelSpec.preset(o.getOrDefault("preset", "tiny")))
                .weights(WeightMix.parse(o.getOrDefault("quant", "q4_0")))
                .seed(Long.parseLong(o.getOrDefault("seed", "1")))
                .threads(Integer.parseInt(o.getOrDefault("threads", String.valueOf(Runtime.getRuntime().availableProcessors()))));
        if (o.containsKey("tokenizer")) {
            g = g.importTokenizer(TokenizerJson.read(Path.of(o.get("tokenizer"))).qwen25());
        }
        if (o.containsKey("chat-template")) {
            g = g.chatTemplate(Files.readString(Path.of(o.get("chat-template")), StandardCharsets.UTF_8));
        }
        g.write(out);
        double seconds = (System.nanoTime() - t0) / 1e9;
        Map<GgufType, Integer> types = new TreeMap<>();
        for (GgufTensorInfo t : GgufFile.read(out).tensors()) {
            types.merge(t.type(), 1, Integer::sum);
        }
        System.out.printf("wrote %s: %s, %s, %d bytes in %.1f s; tensors %s%n", out, g.spec().name(), g.weights().label(),
                Files.size(out), seconds, types);
    }
}
