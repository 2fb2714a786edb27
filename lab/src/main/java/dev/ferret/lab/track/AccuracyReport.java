package dev.ferret.lab.track;

import dev.ferret.agent.hybrid.HybridAnswer;
import dev.ferret.agent.hybrid.HybridAnswerer;
import dev.ferret.agent.hybrid.Intent;
import dev.ferret.agent.python.PythonIndex;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Runs the hybrid path and the ground truth on codebases and prints a per-question precision/recall table.
 *
 * <pre>
 * java -cp ... dev.ferret.lab.track.AccuracyReport [--verbose] [codebase-dir ...]
 * </pre>
 * Without directories it takes {@code examples/shop} and every folder under {@code .work/codebases} (see
 * {@code scripts/fetch-codebases.sh}), looked up from the working directory upwards. {@code --verbose} lists the
 * mismatching keys. Exit status: 0 when every score reaches {@link #TARGET}, 1 when one does not, 2 when the
 * ground truth is unavailable.
 */
public final class AccuracyReport {
    /** The acceptance threshold for precision and recall. */
    public static final double TARGET = 0.98;

    private AccuracyReport() {
    }

    /**
     * One codebase's results.
     *
     * @param name         the codebase's name (its folder name)
     * @param pythonFiles  .py files the Java side scanned
     * @param truthFiles   .py files the ground truth looked at
     * @param unparsed     files the ground truth could not parse (left out of the scores)
     * @param python       the Python version of the ground truth
     * @param hybridMillis time of the hybrid path for the five questions, cold scan included
     * @param truthMillis  time of the ground truth script
     * @param scores       one per standard question
     * @param notes        anything odd (wrong intent, file counts differing)
     */
    public record CodebaseReport(String name, int pythonFiles, int truthFiles, List<GroundTruth.Unparsed> unparsed,
                                 String python, double hybridMillis, double truthMillis, List<Accuracy.Score> scores,
                                 List<String> notes) {
        public boolean meets(double threshold) {
            return notes.isEmpty() && scores.stream().allMatch(s -> s.meets(threshold));
        }
    }

    /** Scores the hybrid path on one codebase. */
    public static CodebaseReport evaluate(String name, Path root, HybridAnswerer answerer, GroundTruth truth)
            throws GroundTruthUnavailableException {
        GroundTruth.Result gt = truth.compute(root);
        PythonIndex index = new PythonIndex(root);
        List<Accuracy.Score> scores = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        long t0 = System.nanoTime();
        List<HybridAnswer> answers = new ArrayList<>();
        for (StandardQuestion q : StandardQuestion.values()) {
            answers.add(answerer.answer(index, q.text()));
        }
        double hybridMillis = (System.nanoTime() - t0) / 1e6;
        for (StandardQuestion q : StandardQuestion.values()) {
            HybridAnswer a = answers.get(q.ordinal());
            Intent.Kind expected = switch (q) {
                case PROTOCOL_CLASSES -> Intent.Kind.PROTOCOL_CLASSES;
                case ASYNC_FUNCTIONS -> Intent.Kind.ASYNC_FUNCTIONS;
                case REQUESTS_IMPORTS -> Intent.Kind.IMPORTS;
                case DATACLASSES -> Intent.Kind.DATACLASSES;
                case TODO_COMMENTS -> Intent.Kind.COMMENTS;
            };
            if (a.intent().kind() != expected || !a.handled()) {
                notes.add(q.label() + ": classified as " + a.intent() + (a.handled() ? "" : " (not handled)"));
            }
            scores.add(Accuracy.score(q, a.items(), gt.items(q), gt.unparsedFiles()));
        }
        int javaFiles = index.files(index.sandbox().root()).size();
        if (javaFiles != gt.files()) {
            notes.add("the Java side scanned " + javaFiles + " .py files, the ground truth " + gt.files());
        }
        return new CodebaseReport(name, javaFiles, gt.files(), gt.unparsed(), gt.python(), hybridMillis, gt.millis(),
                scores, notes);
    }

    /** The table: one row per codebase and question. */
    public static String table(List<CodebaseReport> reports) {
        StringBuilder sb = new StringBuilder();
        String fmt = "%-18s %6s %8s  %-13s %6s %6s %6s %10s %8s%n";
        sb.append(String.format(Locale.ROOT, fmt, "codebase", "files", "unparsed", "question", "truth", "hybrid", "TP",
                "precision", "recall"));
        for (CodebaseReport r : reports) {
            for (Accuracy.Score s : r.scores()) {
                boolean first = s.question().ordinal() == 0;
                sb.append(String.format(Locale.ROOT, fmt, first ? r.name() : "", first ? r.pythonFiles() : "",
                        first ? r.unparsed().size() : "", s.question().label(), s.truth(), s.found(), s.truePositives(),
                        percent(s.precision()), percent(s.recall())));
            }
        }
        return sb.toString();
    }

    /** Timings, notes, and with {@code verbose} the mismatching keys (up to 20 per list). */
    public static String details(List<CodebaseReport> reports, boolean verbose) {
        StringBuilder sb = new StringBuilder();
        for (CodebaseReport r : reports) {
            sb.append(String.format(Locale.ROOT, "%s: hybrid %.0f ms for 5 questions (cold scan), ground truth %.0f ms (Python %s)%n",
                    r.name(), r.hybridMillis(), r.truthMillis(), r.python()));
            for (GroundTruth.Unparsed u : r.unparsed()) {
                sb.append("  unparsed, left out of both sides: ").append(u.file()).append(" (").append(u.error()).append(")\n");
            }
            for (String n : r.notes()) {
                sb.append("  note: ").append(n).append('\n');
            }
            if (verbose) {
                for (Accuracy.Score s : r.scores()) {
                    s.falsePositives().stream().limit(20).forEach(k -> sb.append("  ").append(s.question().label())
                            .append(" false positive: ").append(k).append('\n'));
                    s.falseNegatives().stream().limit(20).forEach(k -> sb.append("  ").append(s.question().label())
                            .append(" missed: ").append(k).append('\n'));
                }
            }
        }
        return sb.toString();
    }

    private static String percent(double v) {
        return String.format(Locale.ROOT, "%.2f%%", v * 100);
    }

    /** {@code examples/shop} and the folders under {@code .work/codebases}, found from {@code start} upwards. */
    public static List<Path> defaultCodebases(Path start) throws IOException {
        List<Path> out = new ArrayList<>();
        for (Path p = start.toAbsolutePath(); p != null; p = p.getParent()) {
            Path shop = p.resolve("examples/shop");
            Path fetched = p.resolve(".work/codebases");
            if (Files.isDirectory(shop) || Files.isDirectory(fetched)) {
                if (Files.isDirectory(shop)) {
                    out.add(shop);
                }
                if (Files.isDirectory(fetched)) {
                    try (Stream<Path> s = Files.list(fetched)) {
                        s.filter(Files::isDirectory).filter(d -> !d.getFileName().toString().endsWith(".new"))
                                .sorted().forEach(out::add);
                    }
                }
                break;
            }
        }
        return out;
    }

    /**
     * Scores the hybrid path on {@code dirs} (none: the sample repository and every fetched codebase) and prints
     * the table; returns the exit status.
     */
    public static int run(List<Path> dirs, boolean verbose, PrintStream out, PrintStream err) throws IOException {
        if (dirs.isEmpty()) {
            dirs = defaultCodebases(Path.of(""));
        }
        if (dirs.isEmpty()) {
            err.println("no codebases: give directories, or run scripts/fetch-codebases.sh");
            return 1;
        }
        HybridAnswerer answerer = new HybridAnswerer();
        GroundTruth truth = new GroundTruth();
        List<CodebaseReport> reports = new ArrayList<>();
        for (Path d : dirs) {
            String name = d.toAbsolutePath().normalize().getFileName().toString();
            try {
                reports.add(evaluate(name, d, answerer, truth));
            } catch (GroundTruthUnavailableException e) {
                err.println("ground truth unavailable for " + name + ": " + e.getMessage());
                return 2;
            }
        }
        out.print(table(reports));
        out.println();
        out.print(details(reports, verbose));
        boolean ok = reports.stream().allMatch(r -> r.meets(TARGET));
        out.println(ok ? "all precision and recall >= " + percent(TARGET)
                : "BELOW TARGET: some precision or recall < " + percent(TARGET) + " (or a note above)");
        return ok ? 0 : 1;
    }
}
