package dev.ferret.lab.track;

import dev.ferret.agent.AgentRuntime;
import dev.ferret.agent.Answer;
import dev.ferret.agent.hybrid.AnswerItems;
import dev.ferret.agent.hybrid.IntentClassifier;
import dev.ferret.agent.python.PythonIndex;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;

/**
 * {@code ferret accuracy --questions}: the evaluation phrasings asked of codebases ({@link QuestionSuite}), scored
 * against {@code ground_truth.py}, printed as Markdown: the intent classifier on the phrasing sets, the five
 * standard questions in their informal phrasings (precision, recall) and the structural kinds (F1), per kind and
 * overall. With {@code agent}, questions the hybrid path does not handle go to the agent loop (auto mode, the
 * shipped default model); without it they list nothing.
 */
public final class QuestionReport {
    private QuestionReport() {
    }

    /** Runs the suite on {@code dirs}; returns the exit status (0: targets met, 1: not, 2: no ground truth). */
    public static int run(List<Path> dirs, boolean agent, boolean verbose, PrintStream out, PrintStream err)
            throws IOException {
        return run(dirs, agent, verbose, null, out, err);
    }

    /**
     * Runs the suite on {@code dirs} with one phrasing set only ({@code set}, e.g. {@link PhrasingSet#BLIND}; null: the
     * main and fresh sets as {@link #run(List, boolean, boolean, PrintStream, PrintStream)}). With a set named, the
     * classifier table and every misread phrasing are printed for that set, the five standard questions are asked in
     * all its phrasings (formal and informal), and the structural kinds are not asked: their parameters come from
     * each codebase, which a set with its parameters written out cannot follow. A set written for one codebase, with
     * its names ({@link PhrasingSet#codebase}), is the exception: its other kinds are asked of that codebase (which
     * must be among {@code dirs}) and scored against its truth, each question read with the repository at hand.
     */
    public static int run(List<Path> dirs, boolean agent, boolean verbose, String set, PrintStream out, PrintStream err)
            throws IOException {
        if (set != null && java.util.stream.Stream.concat(PhrasingSet.FILES.stream(), PhrasingSet.LATER_FILES.stream())
                .noneMatch(f -> PhrasingSet.has(set, f))) {
            err.println("no phrasing set named " + set + " (known: " + PhrasingSet.MAIN + ", " + PhrasingSet.FRESH + ", "
                    + PhrasingSet.BLIND + ", " + PhrasingSet.BLIND2 + ", phrasings-blind3 ... phrasings-blind8)");
            return 2;
        }
        if (dirs.isEmpty()) {
            dirs = AccuracyReport.defaultCodebases(Path.of(""));
        }
        String setCodebase = set == null ? null : PhrasingSet.codebase(set);
        if (setCodebase != null && dirs.stream().noneMatch(d -> d.toAbsolutePath().normalize().getFileName().toString()
                .equals(setCodebase))) {
            err.println(set + " is written for the " + setCodebase + " codebase, with its names: give its folder "
                    + "(e.g. .work/codebases/" + setCodebase + ")");
            return 2;
        }
        GroundTruth gt = new GroundTruth();
        List<QuestionSuite.Result> standard = new ArrayList<>();
        List<QuestionSuite.Result> structural = new ArrayList<>();
        int n = 0;
        long t0 = System.nanoTime();
        for (Path d : dirs) {
            String name = d.toAbsolutePath().normalize().getFileName().toString();
            List<QuestionSuite.Case> std = set == null ? QuestionSuite.standardCases()
                    : QuestionSuite.standardCases(List.of(set), false);
            GroundTruth.Answers stats;
            try {
                stats = gt.ask(d, List.of(), true);
            } catch (GroundTruthUnavailableException e) {
                err.println("ground truth unavailable for " + name + ": " + e.getMessage());
                return 2;
            }
            List<QuestionSuite.Case> str = set == null ? QuestionSuite.structuralCases(stats, n++)
                    : name.equals(setCodebase) ? QuestionSuite.codebaseCases(set) : List.of();
            List<QuestionSuite.Case> all = new ArrayList<>(std);
            all.addAll(str);
            GroundTruth.Answers truth;
            try {
                truth = gt.ask(d, QuestionSuite.asks(all), false);
            } catch (GroundTruthUnavailableException e) {
                err.println("ground truth unavailable for " + name + ": " + e.getMessage());
                return 2;
            }
            PythonIndex index = new PythonIndex(d);
            BiFunction<String, String, QuestionSuite.Answered> hybrid = QuestionSuite.hybrid(index);
            BiFunction<String, String, QuestionSuite.Answered> answerer = hybrid;
            AgentRuntime runtime = null;
            if (agent) {
                AgentRuntime rt = new AgentRuntime(new AgentRuntime.Options(d, null, List.of(), null, false,
                        AgentRuntime.Mode.AUTO, AgentRuntime.Format.TEMPLATE, 6, 0), AgentRuntime.Progress.SILENT);
                runtime = rt;
                answerer = (cb, q) -> {
                    QuestionSuite.Answered h = hybrid.apply(cb, q);
                    if (h.handled()) {
                        return h;
                    }
                    Answer a = rt.ask(q);
                    return new QuestionSuite.Answered(AnswerItems.parse(a.answer()), false, h.intent());
                };
            }
            try {
                standard.addAll(QuestionSuite.run(name, std, truth, answerer));
                structural.addAll(QuestionSuite.run(name, str, truth, answerer));
            } finally {
                if (runtime != null) {
                    runtime.close();
                }
            }
            err.printf(Locale.ROOT, "%s: %d questions%n", name, std.size() + str.size());
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        out.println("## Intent classifier on the phrasing sets\n");
        if (set == null) {
            out.println("Main set (written before the rules; the rules were then tuned on it):\n");
            out.println(PhrasingScore.markdown(PhrasingScore.score(new IntentClassifier(), PhrasingSet.MAIN)));
            out.println("Fresh set (written after tuning on the main set):\n");
            out.println(PhrasingScore.markdown(PhrasingScore.score(new IntentClassifier(), PhrasingSet.FRESH)));
        } else {
            List<PhrasingScore.FileScore> scores = PhrasingScore.score(new IntentClassifier(), set);
            out.println("Set " + set + (setCodebase == null ? "" : ", read without the repository (the tables below "
                    + "read each question with " + setCodebase + " at hand, as `ferret ask` does)") + ":\n");
            out.println(PhrasingScore.markdown(scores));
            out.println("Misread phrasings (question -> what it was read as):\n");
            for (PhrasingScore.FileScore s : scores) {
                s.wrong().forEach(w -> out.println("- " + s.file() + ": " + w));
            }
            out.println();
        }
        out.println("## The five standard questions, " + (set == null ? "informal phrasings" : "all phrasings of " + set)
                + ", " + dirs.size() + " codebases\n");
        out.println(QuestionSuite.table(standard, false));
        if (set == null) {
            out.println("## Structural questions beyond the five (" + (agent ? "auto mode" : "hybrid path only") + ")\n");
            out.println(QuestionSuite.table(structural, true));
        } else if (setCodebase != null) {
            out.println("## The other kinds of " + set + ", on " + setCodebase + " (" + (agent ? "auto mode"
                    : "hybrid path only") + ")\n");
            out.println(QuestionSuite.table(structural, true));
            List<QuestionSuite.Result> own = concat(standard, structural).stream()
                    .filter(r -> r.codebase().equals(setCodebase)).toList();
            out.printf(Locale.ROOT, "Read right with the repository at hand: %d of %d.%n%n",
                    own.stream().filter(QuestionSuite.Result::classifiedRight).count(), own.size());
        }
        out.printf(Locale.ROOT, "%d questions in %.1f s.%n", standard.size() + structural.size(), seconds);
        if (verbose) {
            for (QuestionSuite.Result r : concat(standard, structural)) {
                if (!r.falsePositives().isEmpty() || !r.falseNegatives().isEmpty() || !r.classifiedRight()) {
                    out.printf(Locale.ROOT, "- %s [%s] \"%s\" read as %s (expected %s): %d extra %s, %d missed %s%n",
                            r.codebase(), r.c().file(), r.c().question(), r.classified(), r.c().expected(),
                            r.falsePositives().size(), r.falsePositives().stream().limit(3).toList(),
                            r.falseNegatives().size(), r.falseNegatives().stream().limit(3).toList());
                }
            }
        }
        QuestionSuite.Totals s = QuestionSuite.totals(standard);
        QuestionSuite.Totals t = QuestionSuite.totals(structural);
        boolean structuralAsked = set == null || setCodebase != null;
        boolean ok = s.precision() >= 0.98 && s.recall() >= 0.98 && (!structuralAsked || t.f1() >= 0.9);
        String target = structuralAsked ? "standard precision and recall >= 0.98, structural F1 >= 0.9"
                : "standard precision and recall >= 0.98";
        out.println(ok ? "targets met: " + target : "BELOW TARGET: " + target + " does not hold");
        return ok ? 0 : 1;
    }

    private static List<QuestionSuite.Result> concat(List<QuestionSuite.Result> a, List<QuestionSuite.Result> b) {
        List<QuestionSuite.Result> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
