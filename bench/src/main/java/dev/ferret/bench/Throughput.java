package dev.ferret.bench;

import dev.ferret.llama.Batch;
import dev.ferret.llama.ContextParams;
import dev.ferret.llama.LlamaBackend;
import dev.ferret.llama.LlamaContext;
import dev.ferret.llama.LlamaModel;
import dev.ferret.llama.ModelParams;
import dev.ferret.llama.NativeLibrary;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Prompt-processing and generation throughput measured the way {@code llama-bench} does it (pp: one batch of
 * N tokens; tg: N single-token decodes; repeated, mean and standard deviation in tokens/s), through our FFM
 * binding on whichever library {@link NativeLibrary} loads, so the two can be compared on the same model file
 * and the same build. Prints one JSON object per test.
 *
 * <pre>java ... dev.ferret.bench.Throughput --model M [--pp 128] [--tg 64] [--threads 2] [--reps 5] [--gpu-layers 0]</pre>
 * {@code --gpu-layers} is llama-bench's {@code -ngl}: layers offloaded to a GPU of a GPU build (99 = all).
 */
public final class Throughput {
    private Throughput() {}

    public record Result(String test, int tokens, double meanTps, double stdTps) {}

    public static void main(String[] args) {
        Path model = null;
        int pp = 128;
        int tg = 64;
        int threads = Runtime.getRuntime().availableProcessors();
        int reps = 5;
        int gpuLayers = 0;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--model" -> model = Path.of(args[++i]);
                case "--pp" -> pp = Integer.parseInt(args[++i]);
                case "--tg" -> tg = Integer.parseInt(args[++i]);
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                case "--reps" -> reps = Integer.parseInt(args[++i]);
                case "--gpu-layers" -> gpuLayers = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (model == null) {
            throw new IllegalArgumentException("--model is required");
        }
        for (Result r : measure(model, pp, tg, threads, reps, gpuLayers)) {
            System.out.printf(Locale.ROOT, "{\"library\": \"%s\", \"model\": \"%s\", \"test\": \"%s\", \"n\": %d, \"threads\": %d, \"n_gpu_layers\": %d, \"avg_ts\": %.2f, \"stddev_ts\": %.2f}%n",
                    NativeLibrary.path(), model.getFileName(), r.test(), r.tokens(), threads, gpuLayers, r.meanTps(), r.stdTps());
        }
    }

    public static Result[] measure(Path file, int pp, int tg, int threads, int reps) {
        return measure(file, pp, tg, threads, reps, 0);
    }

    public static Result[] measure(Path file, int pp, int tg, int threads, int reps, int gpuLayers) {
        LlamaBackend backend = LlamaBackend.get();
        try (LlamaModel model = LlamaModel.load(backend, file, ModelParams.defaults().withGpuLayers(gpuLayers), null);
             LlamaContext ctx = model.newContext(ContextParams.defaults().withContextSize(Math.max(512, pp + tg + 8))
                     .withBatchSize(Math.max(pp, 1)).withThreads(threads));
             Batch batch = new Batch(Math.max(pp, 1), 1)) {
            int vocab = model.vocab().size();
            java.util.Random rnd = new java.util.Random(1);
            // warm-up, like llama-bench: one short run of each kind
            runPp(ctx, batch, Math.min(pp, 16), vocab, rnd);
            runTg(ctx, batch, 4, vocab, rnd);
            double[] ppTps = new double[reps];
            double[] tgTps = new double[reps];
            for (int r = 0; r < reps; r++) {
                ppTps[r] = pp / runPp(ctx, batch, pp, vocab, rnd);
                tgTps[r] = tg / runTg(ctx, batch, tg, vocab, rnd);
            }
            return new Result[] {new Result("pp" + pp, pp, mean(ppTps), std(ppTps)), new Result("tg" + tg, tg, mean(tgTps), std(tgTps))};
        }
    }

    /** Seconds to evaluate {@code n} random tokens in one batch on an empty cache. */
    static double runPp(LlamaContext ctx, Batch b, int n, int vocab, java.util.Random rnd) {
        ctx.kvClear();
        b.clear();
        for (int i = 0; i < n; i++) {
            b.add(rnd.nextInt(vocab), i, 0, i == n - 1);
        }
        long t0 = System.nanoTime();
        ctx.decode(b);
        return (System.nanoTime() - t0) / 1e9;
    }

    /** Seconds to decode {@code n} tokens one at a time (token ids drawn at random, as llama-bench does). */
    static double runTg(LlamaContext ctx, Batch b, int n, int vocab, java.util.Random rnd) {
        ctx.kvClear();
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            b.clear();
            b.add(rnd.nextInt(vocab), i, 0, true);
            ctx.decode(b);
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    static double mean(double[] x) {
        return Arrays.stream(x).average().orElse(0);
    }

    static double std(double[] x) {
        double m = mean(x);
        return Math.sqrt(Arrays.stream(x).map(v -> (v - m) * (v - m)).sum() / Math.max(1, x.length - 1));
    }
}
