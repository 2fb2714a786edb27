package dev.ferret.agent.hybrid;

import dev.ferret.agent.python.PythonIndex;
import dev.ferret.agent.tools.ExecutedCall;
import java.nio.file.Path;
import java.util.List;

/**
 * The hybrid fast path: classify the question, run the direct plan with the Python tools, format a template answer.
 * Questions it does not recognise come back unhandled ({@link HybridAnswer#handled()} false) so the caller can run
 * the full agent loop instead. When the classification is uncertain ({@link Classification#uncertain()}), the answer
 * starts with the reading it assumed ("Reading the question as: files that import requests."). A question scoped to a
 * file or folder the repository does not have ("async defs under src/api") is answered for the whole repository, and
 * the answer starts by saying so ("No folder src/api here; searched the whole repository."). An answer about
 * imports ends with the files that reach the module only through a project module that wraps it ({@link Wrappers}).
 */
public final class HybridAnswerer {
    private final IntentClassifier classifier;
    private final Formatter formatter;

    public HybridAnswerer() {
        this(new IntentClassifier(), new Formatter());
    }

    public HybridAnswerer(IntentClassifier classifier, Formatter formatter) {
        this.classifier = classifier;
        this.formatter = formatter;
    }

    /**
     * Answers a question about the repository at {@code repo} (a fresh index; see the other overload to reuse one).
     *
     * @throws IllegalArgumentException if {@code repo} is not an existing directory
     */
    public HybridAnswer answer(Path repo, String question) {
        return answer(new PythonIndex(repo), question);
    }

    /** Answers a question with an existing index, whose scanned files are reused across questions. */
    public HybridAnswer answer(PythonIndex index, String question) {
        long t0 = System.nanoTime();
        Classification c = classifier.analyze(question);
        Intent intent = c.intent();
        long t1 = System.nanoTime();
        if (intent instanceof Intent.Unknown) {
            String text = formatter.format(new Findings(intent, List.of()));
            long t2 = System.nanoTime();
            return new HybridAnswer(question, intent, false, text, List.of(), List.of(), List.of(),
                    new HybridAnswer.Timings(t1 - t0, 0, 0, t2 - t1, t2 - t0));
        }
        // a scope that is missing, or outside the repository: either way there is nothing there to search
        String missing = c.path() != null && index.sandbox().find(c.path()).isEmpty() ? c.path() : null;
        if (missing != null) {
            // a scope that names nothing here would search nothing: the whole repository is searched instead
            c = new Classification(intent, null, c.score(), c.uncertain(), c.notes());
        }
        Planner planner = new Planner(index);
        Plan plan = planner.plan(intent, c.path());
        long t2 = System.nanoTime();
        Planner.Execution run = planner.execute(plan);
        long t3 = System.nanoTime();
        String text;
        List<String> evidence = List.of();
        boolean handled = !run.failed();
        if (handled) {
            text = formatter.format(run.findings());
            if (intent instanceof Intent.Imports imports && !run.findings().isEmpty()) {
                Wrappers.Note note = Wrappers.note(index.project(), imports.module(), run.findings().items());
                text += note.line();
                evidence = note.evidence();
            }
            if (c.uncertain()) {
                text = c.assumption() + "\n" + text;
            }
            if (missing != null) {
                text = "No " + (missing.endsWith(".py") ? "file " : "folder ") + missing
                        + " here; searched the whole repository.\n" + text;
            }
        } else {
            text = "The hybrid path failed (" + run.calls().stream().filter(ExecutedCall::failed).map(ExecutedCall::error)
                    .findFirst().orElse("tool error") + "); the full agent loop is needed.";
        }
        long t4 = System.nanoTime();
        return new HybridAnswer(question, intent, handled, text, run.findings().items(), evidence, run.calls(),
                new HybridAnswer.Timings(t1 - t0, t2 - t1, t3 - t2, t4 - t3, t4 - t0));
    }

}
