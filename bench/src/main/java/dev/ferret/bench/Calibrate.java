package dev.ferret.bench;

import dev.ferret.engine.Generation;
import dev.ferret.engine.GenerationRequest;
import dev.ferret.engine.Model;
import dev.ferret.engine.ModelOptions;
import dev.ferret.engine.Session;
import dev.ferret.engine.speculative.DraftModelDrafter;
import dev.ferret.engine.speculative.SpeculativeOptions;
import dev.ferret.models.CalibratedTarget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

/**
 * Finds the noise levels of a synthetic calibrated pair ({@link CalibratedTarget}) that give chosen acceptance
 * rates. Acceptance is a count, not a timing: drafted and accepted tokens of greedy speculative decoding with
 * the source as the draft, {@code llama-speculative}'s settings (16 tokens a step, no cut-off), over the given
 * prompts. It builds a target per noise level (a coarse sweep, then bisection on a log scale between the levels
 * that bracket each goal), measures, deletes the file, and prints one JSON line per level and a summary line.
 *
 * <pre>java ... dev.ferret.bench.Calibrate --source S.gguf --width 1024 --ff 4096 --extra-layers 20
 *     --prompt F [--prompt F2 ...] [--goals 0.95,0.8,0.5] [--n 128] [--threads 2] [--steps 3] [--dir .work/pairs]</pre>
 */
public final class Calibrate {
    private Calibrate() {}

    public static void main(String[] args) throws IOException {
        Path source = null;
        int width = 0;
        int ff = 0;
        int extra = 0;
        List<Path> prompts = new ArrayList<>();
        List<Double> goals = List.of(0.95, 0.8, 0.5);
        int n = 128;
        int threads = 2;
        int steps = 3;
        Path dir = Path.of(".work/pairs");
        List<Double> sweep = List.of(0.05, 0.1, 0.2, 0.4, 0.8, 1.6, 3.2);
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--source" -> source = Path.of(args[++i]);
                case "--width" -> width = Integer.parseInt(args[++i]);
                case "--ff" -> ff = Integer.parseInt(args[++i]);
                case "--extra-layers" -> extra = Integer.parseInt(args[++i]);
                case "--prompt" -> prompts.add(Path.of(args[++i]));
                case "--goals" -> goals = parse(args[++i]);
                case "--sweep" -> sweep = parse(args[++i]);
                case "--n" -> n = Integer.parseInt(args[++i]);
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                case "--steps" -> steps = Integer.parseInt(args[++i]);
                case "--dir" -> dir = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (source == null || prompts.isEmpty()) {
            throw new IllegalArgumentException("--source and --prompt are required");
        }
        List<String> texts = new ArrayList<>();
        for (Path p : prompts) {
            texts.add(SpecBench.readPrompt(p));
        }
        Files.createDirectories(dir);
        ModelOptions mo = ModelOptions.defaults().withContextSize(4096).withThreads(threads);
        TreeMap<Double, Double> measured = new TreeMap<>();
        try (Model draft = Model.load(source, mo)) {
            CalibratedTarget base = CalibratedTarget.from(source).width(width).feedForward(ff).extraLayers(extra);
            for (double sigma : sweep) {
                measured.put(sigma, acceptance(base, sigma, draft, mo, texts, n, dir));
            }
            for (double goal : goals) {
                for (int s = 0; s < steps; s++) {
                    // the levels around the goal: acceptance falls as noise grows
                    Double lo = null;
                    Double hi = null;
                    for (var e : measured.entrySet()) {
                        if (e.getValue() >= goal) {
                            lo = e.getKey();
                        } else if (hi == null) {
                            hi = e.getKey();
                        }
                    }
                    if (lo == null || hi == null) {
                        break;
                    }
                    double mid = Math.sqrt(lo * hi);
                    measured.put(mid, acceptance(base, mid, draft, mo, texts, n, dir));
                }
            }
        }
        StringBuilder best = new StringBuilder();
        for (double goal : goals) {
            double sigma = measured.entrySet().stream().min((a, b) -> Double.compare(Math.abs(a.getValue() - goal), Math.abs(b.getValue() - goal)))
                    .orElseThrow().getKey();
            best.append(best.isEmpty() ? "" : ", ").append(String.format(Locale.ROOT, "\"%.2f\": {\"noise\": %.4g, \"acceptance\": %.4f}", goal, sigma, measured.get(sigma)));
        }
        System.out.println("{\"closest\": {" + best + "}}");
    }

    private static List<Double> parse(String csv) {
        List<Double> out = new ArrayList<>();
        for (String s : csv.split(",")) {
            out.add(Double.parseDouble(s.trim()));
        }
        return out;
    }

    private static double acceptance(CalibratedTarget base, double sigma, Model draft, ModelOptions mo, List<String> prompts, int n, Path dir)
            throws IOException {
        Path file = dir.resolve(String.format(Locale.ROOT, "calibrate-%.4g.gguf", sigma));
        long t0 = System.nanoTime();
        base.noise(sigma).write(file);
        long drafted = 0;
        long accepted = 0;
        try (Model target = Model.load(file, mo)) {
            for (String p : prompts) {
                try (Session s = target.newSession(); var d = new DraftModelDrafter(draft, target, 4096, SpeculativeOptions.fixed(16))) {
                    Generation g = s.generate(target.tokenize(p, true), GenerationRequest.greedy(n), null, d);
                    drafted += g.speculative().drafted();
                    accepted += g.speculative().accepted();
                }
            }
        } finally {
            Files.deleteIfExists(file);
        }
        double a = drafted == 0 ? 0 : (double) accepted / drafted;
        System.out.printf(Locale.ROOT, "{\"noise\": %.4g, \"drafted\": %d, \"accepted\": %d, \"acceptance\": %.4f, \"seconds\": %.0f}%n",
                sigma, drafted, accepted, a, (System.nanoTime() - t0) / 1e9);
        return a;
    }
}
