package dev.ferret.bench;

import dev.ferret.llama.Batch;
import dev.ferret.llama.ContextParams;
import dev.ferret.llama.LlamaBackend;
import dev.ferret.llama.LlamaContext;
import dev.ferret.llama.LlamaModel;
import dev.ferret.llama.ModelParams;
import dev.ferret.llama.NativeLibrary;
import dev.ferret.llama.Threadpool;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Prompt-processing and generation throughput measured the way {@code llama-bench} does it (pp: one batch of
 * N tokens; tg: N single-token decodes; repeated, mean and standard deviation in tokens/s), through our FFM
 * binding on whichever library {@link NativeLibrary} loads, so the two can be compared on the same model file
 * and the same build. Prints one JSON object per test.
 *
 * <p>As llama-bench does: each test gets its own context of {@code n_prompt + n_gen} cells, all repetitions of
 * pp run before those of tg, and a warm-up run precedes each test. On top of llama-bench's warm-up, the tg
 * warm-up runs the whole test twice, so that the JIT has compiled the decoding loop before anything is timed
 * (a compiler thread would otherwise compete with the two compute threads for the two cores). The context
 * keeps a persistent CPU threadpool as llama-bench's does ({@code --threadpool off} for ggml's per-decode one).
 *
 * <pre>java ... dev.ferret.bench.Throughput --model M [--pp 128] [--tg 64] [--threads 2] [--reps 5]
 *     [--threadpool on|off] [--poll 50] [--thread-cpu] [--gpu-layers 0]</pre>
 * ({@code --thread-cpu} prints to stderr the CPU ticks each JVM thread used during each test's timed part.)
 * {@code --gpu-layers} is llama-bench's {@code -ngl}: layers offloaded to a GPU of a GPU build (99 = all).
 */
public final class Throughput {
    private Throughput() {}

    public record Result(String test, int tokens, double meanTps, double stdTps) {}

    /** With --thread-cpu: print, per test, the CPU ticks each of the JVM's threads used during the timed reps. */
    private static boolean threadCpu;

    private static void reportThreads(String test, java.util.Map<String, Long> before, long t0) {
        if (threadCpu) {
            System.err.printf(Locale.ROOT, "{\"test\": \"%s\", \"wall_s\": %.3f, \"thread_cpu_ticks\": %s}%n", test,
                    (System.nanoTime() - t0) / 1e9, ThreadCpu.delta(before, ThreadCpu.snapshot()).toString()
                            .replace("=", "\": ").replace("{", "{\"").replace(", ", ", \""));
        }
    }

    public static void main(String[] args) {
        Path model = null;
        int pp = 128;
        int tg = 64;
        int threads = Runtime.getRuntime().availableProcessors();
        int reps = 5;
        Threadpool.Settings pool = Threadpool.Settings.DEFAULT;
        int gpuLayers = 0;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--thread-cpu")) {
                threadCpu = true;
                continue;
            }
            switch (args[i]) {
                case "--model" -> model = Path.of(args[++i]);
                case "--pp" -> pp = Integer.parseInt(args[++i]);
                case "--tg" -> tg = Integer.parseInt(args[++i]);
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                case "--reps" -> reps = Integer.parseInt(args[++i]);
                case "--threadpool" -> pool = pool.withEnabled(!args[++i].equals("off"));
                case "--poll" -> pool = pool.withPoll(Integer.parseInt(args[++i]));
                case "--gpu-layers" -> gpuLayers = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (model == null) {
            throw new IllegalArgumentException("--model is required");
        }
        for (Result r : measure(model, pp, tg, threads, reps, pool, gpuLayers)) {
            System.out.printf(Locale.ROOT, "{\"library\": \"%s\", \"model\": \"%s\", \"test\": \"%s\", \"n\": %d, \"threads\": %d, \"threadpool\": %b, \"n_gpu_layers\": %d, \"avg_ts\": %.2f, \"stddev_ts\": %.2f}%n",
                    NativeLibrary.path(), model.getFileName(), r.test(), r.tokens(), threads, pool.enabled(), gpuLayers, r.meanTps(), r.stdTps());
        }
    }

    public static Result[] measure(Path file, int pp, int tg, int threads, int reps) {
        return measure(file, pp, tg, threads, reps, Threadpool.Settings.DEFAULT, 0);
    }

    public static Result[] measure(Path file, int pp, int tg, int threads, int reps, Threadpool.Settings pool, int gpuLayers) {
        LlamaBackend backend = LlamaBackend.get();
        try (LlamaModel model = LlamaModel.load(backend, file, ModelParams.defaults().withGpuLayers(gpuLayers), null)) {
            int vocab = model.vocab().size();
            java.util.Random rnd = new java.util.Random(1);
            List<Result> out = new ArrayList<>();
            if (pp > 0) {
                try (LlamaContext ctx = model.newContext(context(pp, pp, threads, pool)); Batch batch = new Batch(pp, 1)) {
                    runPp(ctx, batch, pp, vocab, rnd); // warm-up, as llama-bench
                    out.add(measure("pp" + pp, pp, reps, () -> runPp(ctx, batch, pp, vocab, rnd)));
                }
            }
            if (tg > 0) {
                try (LlamaContext ctx = model.newContext(context(tg, 512, threads, pool)); Batch batch = new Batch(1, 1)) {
                    runTg(ctx, batch, tg, vocab, rnd); // warm-up: llama-bench's one token, and the JIT's loop
                    runTg(ctx, batch, tg, vocab, rnd);
                    out.add(measure("tg" + tg, tg, reps, () -> runTg(ctx, batch, tg, vocab, rnd)));
                }
            }
            return out.toArray(Result[]::new);
        }
    }

    /** A context as llama-bench makes one for a test: n_ctx = the test's tokens (llama.cpp pads it). */
    private static ContextParams context(int cells, int batch, int threads, Threadpool.Settings pool) {
        return ContextParams.defaults().withContextSize(Math.max(cells, 32)).withBatchSize(Math.max(batch, 1))
                .withThreads(threads).withThreadpool(pool);
    }

    /** Seconds to evaluate {@code n} random tokens in one batch on an empty cache. */
    /** {@code reps} timed runs of {@code run} (which returns its seconds) over {@code tokens} tokens each. */
    private static Result measure(String test, int tokens, int reps, java.util.function.DoubleSupplier run) {
        double[] tps = new double[reps];
        var cpu = ThreadCpu.snapshot();
        long t0 = System.nanoTime();
        for (int r = 0; r < reps; r++) {
            tps[r] = tokens / run.getAsDouble();
        }
        reportThreads(test, cpu, t0);
        return new Result(test, tokens, mean(tps), std(tps));
    }

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
