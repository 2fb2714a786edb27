package dev.ferret.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferret.llama.NativeLibrary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * {@code ferret bench [--quick] [--only REGEX] [--model M] [--draft D] [--out DIR]}: runs the Phase 3 JMH suite
 * in one JVM session (one fork per benchmark) and writes the JMH JSON plus a Markdown report whose every
 * speed-up is a ratio of two results from the same run.
 */
public final class BenchMain {
    private BenchMain() {}

    static final String USAGE = "usage: ferret bench [--quick] [--only REGEX] [--model GGUF] [--draft GGUF] [--out DIR] [--name NAME]";

    /** A command line that cannot be run: one {@code error:} line and the usage, exit code 2, no stack trace. */
    static final class BadArguments extends Exception {
        BadArguments(String message) {
            super(message);
        }
    }

    public static void main(String[] args) {
        int code;
        try {
            code = run(args);
        } catch (BadArguments e) {
            System.err.println("error: " + e.getMessage());
            System.err.println(USAGE);
            code = 2;
        } catch (Exception e) {
            System.err.println("error: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            if (System.getenv("FERRET_DEBUG") != null) {
                e.printStackTrace();
            }
            code = 1;
        }
        System.exit(code);
    }

    /** The value after option {@code args[i]}. */
    private static String value(String[] args, int i) throws BadArguments {
        if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
            throw new BadArguments(args[i] + " needs a value");
        }
        return args[i + 1];
    }

    static int run(String[] args) throws Exception {
        boolean quick = false;
        String only = "dev\\.ferret\\.bench\\..*Benchmark.*";
        Path out = Path.of("bench/results");
        String model = null;
        String draft = null;
        String name = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> quick = true;
                case "--only" -> only = value(args, i++);
                case "--out" -> out = Path.of(value(args, i++));
                case "--model" -> model = value(args, i++);
                case "--draft" -> draft = value(args, i++);
                case "--name" -> name = value(args, i++);
                case "-h", "--help" -> {
                    System.out.println(USAGE);
                    System.out.println("Runs the JMH suite (one fork per benchmark) and writes JSON and Markdown to --out (default bench/results).");
                    return 0;
                }
                default -> throw new BadArguments((args[i].startsWith("-") ? "unknown option " : "unexpected argument ")
                        + args[i]);
            }
        }
        try {
            java.util.regex.Pattern.compile(only);
        } catch (java.util.regex.PatternSyntaxException e) {
            throw new BadArguments("--only " + only + " is not a valid regular expression: " + e.getDescription());
        }
        // before any model is generated: a regex that selects nothing is a mistake in the command line
        var format = org.openjdk.jmh.runner.format.OutputFormatFactory.createFormatInstance(
                new java.io.PrintStream(java.io.OutputStream.nullOutputStream()), org.openjdk.jmh.runner.options.VerboseMode.SILENT);
        if (org.openjdk.jmh.runner.BenchmarkList.defaultList().find(format, List.of(only), List.of()).isEmpty()) {
            throw new BadArguments("no benchmark matches --only " + only);
        }
        for (String f : new String[] {model, draft}) {
            if (f != null && !Files.isRegularFile(Path.of(f))) {
                throw new BadArguments("no such model file: " + f);
            }
        }
        if (model != null) {
            System.setProperty("ferret.bench.model", model);
        }
        if (draft != null) {
            System.setProperty("ferret.bench.draft", draft);
        }
        // generate default models up front, outside any measurement
        Path target = BenchModels.target().toAbsolutePath();
        Path draftPath = BenchModels.draft().toAbsolutePath();
        Files.createDirectories(out);
        String base = name != null ? name : "phase3-cpu" + (quick ? "-quick" : "");
        Path json = out.resolve(base + ".json");
        List<String> jvm = new ArrayList<>(List.of("--enable-native-access=ALL-UNNAMED", "-XX:+UseSerialGC",
                "-Dferret.bench.model=" + target, "-Dferret.bench.draft=" + draftPath));
        for (String forwarded : List.of("ferret.bench.gpuLayers", "ferret.llama.library")) {
            if (System.getProperty(forwarded) != null) {
                jvm.add("-D" + forwarded + "=" + System.getProperty(forwarded));
            }
        }
        ChainedOptionsBuilder opts = new OptionsBuilder().include(only).forks(1).jvmArgsAppend(jvm.toArray(String[]::new))
                .resultFormat(ResultFormatType.JSON).result(json.toString());
        if (quick) {
            opts.warmupIterations(1).warmupTime(TimeValue.seconds(1)).measurementIterations(2).measurementTime(TimeValue.seconds(2));
        } else {
            opts.warmupIterations(2).warmupTime(TimeValue.seconds(3)).measurementIterations(5).measurementTime(TimeValue.seconds(5));
        }
        try {
            if (new Runner(opts.build()).run().isEmpty()) {
                throw new BadArguments("no benchmark matches --only " + only);
            }
        } catch (org.openjdk.jmh.runner.RunnerException e) {
            if (String.valueOf(e.getMessage()).startsWith("No matching benchmarks")) {
                throw new BadArguments("no benchmark matches --only " + only);
            }
            throw e;
        }
        String md = Report.render(new ObjectMapper().readTree(json.toFile()), target, draftPath, quick);
        Path mdFile = out.resolve(base + ".md");
        Files.writeString(mdFile, md);
        // every benchmark's score in summary.json, beside the other tools' headline numbers
        Map<String, Object> scores = new java.util.TreeMap<>();
        for (JsonNode r : new ObjectMapper().readTree(json.toFile())) {
            StringBuilder k = new StringBuilder(r.get("benchmark").asText().replace("dev.ferret.bench.", ""));
            r.path("params").fields().forEachRemaining(e -> k.append('[').append(e.getKey()).append('=').append(e.getValue().asText()).append(']'));
            scores.put(k.toString(), r.path("primaryMetric").path("score").asDouble());
        }
        Summary.merge(out.resolve("summary.json"), Map.of("ferret_bench", Map.of(
                "date", LocalDate.now().toString(), "quick", quick, "report", mdFile.getFileName().toString(),
                "unit", "ms/op (JMH average time)", "scores", scores)));
        System.out.println("wrote " + json + ", " + mdFile + " and " + out.resolve("summary.json"));
        return 0;
    }

    /** Turns one JMH JSON result file into the Markdown report. */
    static final class Report {
        private Report() {}

        /** The result of one benchmark method with one parameter value, or a missing node. */
        static JsonNode result(JsonNode results, String bench, String param, String value) {
            for (JsonNode r : results) {
                if (r.get("benchmark").asText().endsWith(bench) && value.equals(r.path("params").path(param).asText())) {
                    return r;
                }
            }
            return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        }

        static double score(JsonNode results, String bench, String param, String value) {
            return result(results, bench, param, value).path("primaryMetric").path("score").asDouble(Double.NaN);
        }

        static double error(JsonNode results, String bench, String param, String value) {
            return result(results, bench, param, value).path("primaryMetric").path("scoreError").asDouble(Double.NaN);
        }

        static double secondary(JsonNode results, String bench, String param, String value, String metric) {
            return result(results, bench, param, value).path("secondaryMetrics").path(metric).path("score").asDouble(Double.NaN);
        }

        static String f(double v) {
            return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.1f", v);
        }

        static String ratio(double baseline, double variant) {
            return Double.isNaN(baseline) || Double.isNaN(variant) ? "n/a" : String.format(Locale.ROOT, "%.2fx", baseline / variant);
        }

        static String row(JsonNode r, String bench, String param, String value, String label, double baseline) {
            double s = score(r, bench, param, value);
            return "| " + label + " | " + f(s) + " ± " + f(error(r, bench, param, value)) + " | " + ratio(baseline, s) + " |\n";
        }

        static String render(JsonNode r, Path target, Path draft, boolean quick) throws Exception {
            StringBuilder sb = new StringBuilder("# Phase 3 speed-ups, measured side by side\n\n");
            sb.append("Produced by `./ferret bench").append(quick ? " --quick" : "").append("` on ").append(LocalDate.now()).append(".\n\n");
            sb.append("- Machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores, ").append(cpuModel())
                    .append(", Java ").append(System.getProperty("java.version")).append('\n');
            NativeLibrary.path(); // load it, so the line names the file
            sb.append("- Library: ").append(NativeLibrary.describe()).append('\n');
            sb.append("- Target model: `").append(target.getFileName()).append("` (").append(Files.size(target) >> 20).append(" MiB)\n");
            sb.append("- Draft model: `").append(draft.getFileName()).append("` (").append(Files.size(draft) >> 20).append(" MiB)\n");
            sb.append("- JMH: average time per operation, ms (± is JMH's 99.9% error); ratio = baseline time / variant time.\n\n");

            double naive = score(r, "StopBenchmark.answer", "mode", "naive");
            sb.append("## 1. Stop handling: stop at the sampler vs. fixed budget + cut\n\n| variant | ms/answer | speed-up |\n|---|---|---|\n");
            sb.append(row(r, "StopBenchmark.answer", "mode", "naive", "naive: " + StopBenchmark.BUDGET + " tokens, then cut", naive));
            sb.append(row(r, "StopBenchmark.answer", "mode", "sampler", "stop inside the loop (" + StopBenchmark.ANSWER_TOKENS + "-token answer)", naive));
            sb.append("\nTokens decoded per answer: ").append(StopBenchmark.BUDGET).append(" naive vs. ").append(StopBenchmark.ANSWER_TOKENS)
                    .append(" at the sampler; the ratio follows from the budget an engine without working stops runs to.\n\n");

            double plain = score(r, "SpeculativeBenchmark.generate", "mode", "plain");
            sb.append("## 2. Speculative decoding (greedy, ").append(SpeculativeBenchmark.TOKENS).append(" tokens)\n\n")
                    .append("| variant | ms/answer | speed-up | drafted | accepted | acceptance |\n|---|---|---|---|---|---|\n");
            for (String m : List.of("plain", "prompt-lookup", "draft-model", "self-draft")) {
                double s = score(r, "SpeculativeBenchmark.generate", "mode", m);
                double d = secondary(r, "SpeculativeBenchmark.generate", "mode", m, "drafted");
                double a = secondary(r, "SpeculativeBenchmark.generate", "mode", m, "accepted");
                sb.append("| ").append(m).append(" | ").append(f(s)).append(" | ").append(ratio(plain, s)).append(" | ").append(f(d))
                        .append(" | ").append(f(a)).append(" | ").append(d > 0 ? String.format(Locale.ROOT, "%.0f%%", 100 * a / d) : "n/a").append(" |\n");
            }
            sb.append("\nThe default models have random weights: a random draft model rarely agrees with a random target, and a random "
                    + "target rarely copies from its prompt, so prompt lookup and draft-model acceptance are low here and those rows show "
                    + "their overhead, not their benefit. `self-draft` (the target drafting for itself, every draft accepted) is the ceiling "
                    + "of batched verification on this machine: on 2 cores a batch costs almost as much per token as single decodes.\n\n");

            double none = score(r, "KvReuseBenchmark.turn2", "cache", "none");
            sb.append("## 3. KV-cache reuse\n\n| variant | ms to first token | speed-up |\n|---|---|---|\n");
            sb.append(row(r, "KvReuseBenchmark.turn2", "cache", "none", "turn 2, cache cleared", none));
            sb.append(row(r, "KvReuseBenchmark.turn2", "cache", "reuse", "turn 2, turn 1 reused", none));
            double cold = score(r, "KvReuseBenchmark.coldStart", "cache", "none");
            sb.append(row(r, "KvReuseBenchmark.coldStart", "cache", "none", "cold start, prefill system prompt", cold));
            sb.append(row(r, "KvReuseBenchmark.coldStart", "cache", "reuse", "cold start, restore saved prefix state", cold));
            sb.append('\n');

            double ffm = score(r, "BackendBenchmark.answer", "backend", "ffm");
            sb.append("## 4. FFM vs. JNI (same library, same model)\n\n| variant | time | FFM advantage |\n|---|---|---|\n");
            sb.append("| FFM answer (ms) | ").append(f(ffm)).append(" | 1.00x |\n");
            sb.append("| JNI answer (ms) | ").append(f(score(r, "BackendBenchmark.answer", "backend", "jni"))).append(" | ")
                    .append(ratio(score(r, "BackendBenchmark.answer", "backend", "jni"), ffm)).append(" |\n");
            double ffmTok = score(r, "BackendBenchmark.tokenize", "backend", "ffm");
            double jniTok = score(r, "BackendBenchmark.tokenize", "backend", "jni");
            sb.append("| FFM tokenize call (µs) | ").append(f(ffmTok)).append(" | 1.00x |\n");
            sb.append("| JNI tokenize call (µs) | ").append(f(jniTok)).append(" | ").append(ratio(jniTok, ffmTok)).append(" |\n\n");

            sb.append("## 5. CPU threads\n\n| threads | prefill 128 (tokens/s) | decode 32 (tokens/s) |\n|---|---|---|\n");
            for (String t : List.of("1", "2")) {
                double pp = score(r, "ThreadsBenchmark.prefill128", "threads", t);
                double tg = score(r, "ThreadsBenchmark.decode32", "threads", t);
                sb.append("| ").append(t).append(" | ").append(f(128_000 / pp)).append(" | ").append(f(32_000 / tg)).append(" |\n");
            }
            sb.append("\nNo GPU on this machine: see the README for the CPU-vs-GPU comparison (Metal from the shipped macOS library, "
                    + "CUDA through `native/scripts/build-cuda.sh` and the library override).\n");
            return sb.toString();
        }

        static String cpuModel() {
            try {
                for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                    if (line.startsWith("model name")) {
                        return line.substring(line.indexOf(':') + 1).strip();
                    }
                }
            } catch (Exception e) {
                // not Linux
            }
            return System.getProperty("os.arch");
        }
    }
}
