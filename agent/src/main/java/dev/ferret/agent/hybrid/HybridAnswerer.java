package dev.ferret.agent.hybrid;

import dev.ferret.agent.python.PythonIndex;
import dev.ferret.agent.tools.ExecutedCall;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The hybrid fast path: classify the question, run the direct plan with the Python tools, format a template answer.
 * Questions it does not recognise come back unhandled ({@link HybridAnswer#handled()} false) so the caller can run
 * the full agent loop instead. When the classification is uncertain ({@link Classification#uncertain()}), the answer
 * starts with the reading it assumed ("Reading the question as: files that import requests."). A question scoped to a
 * file or folder the repository does not have ("async defs under src/api") is answered for the whole repository, and
 * the answer starts by saying so ("No folder src/api here; searched the whole repository."). An answer about
 * imports ends with the files that reach the module only through a project module that wraps it ({@link Wrappers}).
 * A question that asks for counts by file or folder ("how many TODOs per file", "which module has the most
 * dataclasses") gets them before the items ({@link Tally}). "Tests for the billing module" lists the tests whose file
 * path or name contains "billing" ({@link Classification#testsFor()}), and says so. A name of the repository said
 * as words ("who calls process payment") is read as that name ({@link SpokenNames}).
 */
public final class HybridAnswerer {
    private final IntentClassifier classifier;
    private final Formatter formatter;
    private final java.util.Map<dev.ferret.agent.python.Project, SpokenNames> spokenNames =
            java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

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
        long t1 = System.nanoTime();
        // the repository's names said as words: this reads (and the first time scans) the repository, so its time
        // is the plan's, not the classifier's
        c = IntentClassifier.nameHome(spokenNames(index).read(classifier, question, c), question, index.project()::isModule);
        Intent intent = c.intent();
        long tNames = System.nanoTime();
        if (intent instanceof Intent.Unknown) {
            String text = formatter.format(new Findings(intent, List.of()));
            long t2 = System.nanoTime();
            return new HybridAnswer(question, intent, false, text, List.of(), List.of(), List.of(),
                    new HybridAnswer.Timings(t1 - t0, tNames - t1, 0, t2 - tNames, t2 - t0), null);
        }
        String subject = c.testsFor();
        String named = c.path() == null ? null : c.path().toLowerCase(java.util.Locale.ROOT).replaceAll("\\.py$", "");
        if (subject != null && named != null && java.util.Arrays.stream(subject.split(" ")).anyMatch(named::endsWith)) {
            // "unit tests for pricing.py": what the tests are for, not where they are
            c = new Classification(intent, null, c.score(), c.uncertain(), c.notes());
        }
        String asked = askedPlace(intent);
        if (asked != null && (c.path() == null || !samePlace(c.path(), asked))) {
            // "what does sessions.py import", "the files in tests/": the place asked about is the scope
            c = new Classification(intent, asked, c.score(), c.uncertain(), c.notes());
        }
        // a scope that is missing, or outside the repository: either way there is nothing there to search; a name
        // alone ("the net package", "models.py") is looked for anywhere in the repository
        String scopeNote = null;
        if (c.path() != null && index.sandbox().find(c.path()).isEmpty()) {
            List<String> places = places(index, c.path());
            List<String> folders = places.stream().filter(p -> !p.endsWith(".py")).toList();
            if (intent instanceof Intent.PythonFiles && !folders.isEmpty()) {
                places = folders; // "the files in the twitter package": the folder, not the module twitter.py
            }
            String scope = null;
            if (places.size() == 1) {
                scope = places.getFirst();
            } else if (places.isEmpty()) {
                scopeNote = "No " + (c.path().endsWith(".py") ? "file " + c.path()
                        : c.path().indexOf('/') >= 0 ? "folder " + c.path()
                        : "module, package or folder named " + c.path()) + " here; searched the whole repository.";
            } else {
                scopeNote = c.path() + " names " + places.size() + " places here (" + String.join(", ",
                        places.subList(0, Math.min(4, places.size()))) + (places.size() > 4 ? ", ..." : "")
                        + "); searched the whole repository.";
            }
            c = new Classification(intent, scope, c.score(), c.uncertain(), c.notes());
            if (scope == null && asked != null) {
                // what a place imports or holds, where the repository has no such place or several: nothing to list
                String text = scopeNote.replace("; searched the whole repository.", ".")
                        + (places.size() > 1 ? " Name one of them." : "");
                long t2 = System.nanoTime();
                return new HybridAnswer(question, intent, true, text, List.of(), List.of(), List.of(),
                        new HybridAnswer.Timings(t1 - t0, t2 - t1, 0, 0, t2 - t0), null);
            }
        }
        Planner planner = new Planner(index);
        Plan plan = planner.plan(intent, c.path());
        long t2 = System.nanoTime();
        Planner.Execution run = planner.execute(plan);
        long t3 = System.nanoTime();
        String text;
        List<String> evidence = List.of();
        boolean handled = !run.failed();
        Findings findings = run.findings();
        if (handled && subject != null) {
            findings = new Findings(intent, selectTests(findings.items(), subject));
        }
        if (handled) {
            if (intent instanceof Intent.ThirdParty && ImportRanking.asks(question) && !findings.isEmpty()) {
                List<Finding> ranked = ImportRanking.ranked(findings.items()); // the most-imported first
                text = ImportRanking.head(ranked) + formatter.format(intent, ranked);
            } else if (asked != null && c.path() != null) {
                // "the files in cred": the answer names the place it found ("Python files in twisted/cred")
                text = formatter.format(atPlace(intent, c.path()), findings.items());
            } else {
                text = formatter.format(findings);
            }
            if (subject != null && findings.isEmpty()) {
                text = "No test functions whose file path or name contains " + Classification.quotedWords(subject) + " (of "
                        + run.findings().size() + " test functions in all).\n";
            }
            if (intent instanceof Intent.Imports imports && !findings.isEmpty()) {
                Wrappers.Note note = Wrappers.note(index.project(), imports.module(), findings.items());
                text += note.line();
                evidence = note.evidence();
            }
            Optional<Tally> tally = Tally.of(question);
            if (tally.isPresent() && tally.get().applies(intent)) {
                String counts = tally.get().format(findings.items(), intent.describe());
                text = counts.isEmpty() ? text : counts + "\n" + text; // the counts asked for first, then the items
            }
            if (c.uncertain() || c.readAnotherName()) { // "who calls textcheck": the answer says it read _textcheck
                Classification said = asked != null && c.path() != null // "Python files in twisted/cred", once
                        ? new Classification(atPlace(intent, c.path()), null, c.score(), c.uncertain(), c.notes()) : c;
                text = said.assumption() + "\n" + text;
            }
            if (scopeNote != null) {
                text = scopeNote + "\n" + text;
            }
        } else {
            text = "The hybrid path failed (" + run.calls().stream().filter(ExecutedCall::failed).map(ExecutedCall::error)
                    .findFirst().orElse("tool error") + "); the full agent loop is needed.";
        }
        long t4 = System.nanoTime();
        return new HybridAnswer(question, intent, handled, text, findings.items(), evidence, run.calls(),
                new HybridAnswer.Timings(t1 - t0, t2 - t1, t3 - t2, t4 - t3, t4 - t0), c.path());
    }

    /**
     * The place an intent is about, where the place is what it lists (what a file imports, the files of a folder), not
     * a narrowing of a search: null for every other intent and for the whole repository's files.
     */
    private static String askedPlace(Intent intent) {
        return switch (intent) {
            case Intent.ModuleImports m -> m.place();
            case Intent.PythonFiles f when !f.place().equals(Intent.ALL) -> f.place();
            default -> null;
        };
    }

    /** An intent of {@link #askedPlace} with the place as the repository has it. */
    private static Intent atPlace(Intent intent, String path) {
        return switch (intent) {
            case Intent.ModuleImports m -> new Intent.ModuleImports(path);
            case Intent.PythonFiles f -> new Intent.PythonFiles(path);
            default -> intent;
        };
    }

    /** Whether a scope the classifier found is the place a question of imports names ("models.py", "models"). */
    private static boolean samePlace(String path, String place) {
        String a = path.replaceAll("\\.py$", "").replace('.', '/');
        String b = place.replaceAll("\\.py$", "").replace('.', '/');
        return a.equals(b) || a.endsWith("/" + b) || b.endsWith("/" + a);
    }

    /** The repository's names by their words, made once for each state of its files. */
    private SpokenNames spokenNames(PythonIndex index) {
        dev.ferret.agent.python.Project project = index.project();
        return spokenNames.computeIfAbsent(project, p -> SpokenNames.of(p.files()));
    }

    /**
     * The tests "tests for X" asks for: those whose file path or qualified name ({@code TestLogin.test_ok}) contains
     * every word of {@code subject}, ignoring case, as {@code pytest -k "billing"} selects by name.
     */
    static List<Finding> selectTests(List<Finding> tests, String subject) {
        List<String> words = List.of(subject.toLowerCase(java.util.Locale.ROOT).split("\\s+"));
        return tests.stream().filter(f -> {
            String id = (f.file() + "::" + f.name()).toLowerCase(java.util.Locale.ROOT);
            return words.stream().allMatch(id::contains);
        }).toList();
    }

    /**
     * The places of the repository a scope names when it is no path from the root: the folders whose path ends in
     * it ({@code net}, {@code shop/net}; a dotted module name counts as its path) and the Python files whose path
     * ends in it or in it plus {@code .py}, relative to the root, sorted; at most 50.
     */
    static List<String> places(PythonIndex index, String scope) {
        String name = scope.strip();
        while (name.endsWith("/")) {
            name = name.substring(0, name.length() - 1);
        }
        if (!name.endsWith(".py") && name.indexOf('/') < 0) {
            name = name.replace('.', '/'); // "shop.net": the module's path
        }
        if (name.isEmpty() || name.startsWith("/") || name.contains("..")) {
            return List.of();
        }
        Path root = index.sandbox().root();
        java.util.TreeSet<String> out = new java.util.TreeSet<>();
        for (Path f : index.paths(root)) {
            String rel = root.relativize(f).toString().replace(java.io.File.separatorChar, '/');
            if (name.endsWith(".py") ? rel.equals(name) || rel.endsWith("/" + name)
                    : rel.equals(name + ".py") || rel.endsWith("/" + name + ".py")) {
                out.add(rel);
            }
            for (int slash = rel.indexOf('/'); slash > 0; slash = rel.indexOf('/', slash + 1)) {
                String dir = rel.substring(0, slash);
                if (dir.equals(name) || dir.endsWith("/" + name)) {
                    out.add(dir);
                }
            }
            if (out.size() >= 50) {
                break;
            }
        }
        return List.copyOf(out);
    }

}
