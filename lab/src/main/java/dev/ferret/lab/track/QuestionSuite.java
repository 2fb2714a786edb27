package dev.ferret.lab.track;

import dev.ferret.agent.hybrid.AnswerItems;
import dev.ferret.agent.hybrid.Finding;
import dev.ferret.agent.hybrid.HybridAnswer;
import dev.ferret.agent.hybrid.HybridAnswerer;
import dev.ferret.agent.hybrid.Intent;
import dev.ferret.agent.python.PythonIndex;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;

/**
 * Asks a codebase the evaluation phrasings ({@link PhrasingSet}, both sets) and scores the items of each answer
 * against {@code ground_truth.py}: the measurement of issue 16 acceptance 3 (the five standard questions in their
 * informal phrasings, precision and recall) and issue 13 acceptance 2 (the structural question kinds, F1).
 *
 * <p>Parameters come from the codebase itself ({@code ground_truth.py --stats}): for each kind, two values the code
 * really uses (for example the most and the third most frequent base class, leaving out {@code object} and the
 * standard questions' own Protocol and dataclass), each asked with two phrasings chosen in rotation, so every
 * codebase gets different wordings. Items are compared by {@link GroundTruthQuery#key} with the expected intent,
 * so a question classified as a different intent scores its wrong items as false positives and misses. Items in
 * files the ground truth could not parse are left out of both sides.
 */
public final class QuestionSuite {
    private QuestionSuite() {
    }

    /** One question asked of a codebase. */
    public record Case(String file, boolean informal, String question, Intent expected) {
    }

    /** One answered question. */
    public record Result(String codebase, Case c, Intent classified, boolean handled, int truth, int found, int truePositives,
                         List<String> falsePositives, List<String> falseNegatives, double millis) {
        public boolean classifiedRight() {
            return PhrasingSet.sameReading(classified, c.expected());
        }
    }

    /** How a question is answered: the hybrid path, or auto mode with the agent loop behind it. */
    public interface Answerer extends BiFunction<String, String, Answered> {
    }

    /**
     * An answer: its items, whether the hybrid path handled it, the intent it was read as, and the file or folder it
     * searched ({@code null}: the whole repository). A scoped answer is scored against the truth in its scope.
     */
    public record Answered(List<Finding> items, boolean handled, Intent intent, String scope) {
        public Answered(List<Finding> items, boolean handled, Intent intent) {
            this(items, handled, intent, null);
        }
    }

    /** The hybrid path alone over a shared index; an unhandled question lists nothing. */
    public static BiFunction<String, String, Answered> hybrid(PythonIndex index) {
        HybridAnswerer h = new HybridAnswerer();
        return (codebase, question) -> {
            HybridAnswer a = h.answer(index, question);
            return new Answered(a.handled() ? AnswerItems.parse(a.text()) : List.of(), a.handled(), a.intent(),
                    a.handled() ? a.scope() : null);
        };
    }

    /** The standard-question cases: every informal phrasing of both sets (the "informal phrasings"). */
    public static List<Case> standardCases() {
        return standardCases(List.of(PhrasingSet.MAIN, PhrasingSet.FRESH), true);
    }

    /** The standard-question cases of the given sets: their informal phrasings only, or all of them. */
    public static List<Case> standardCases(List<String> sets, boolean informalOnly) {
        List<Case> out = new ArrayList<>();
        for (String set : sets) {
            for (String f : List.of("standard-protocol", "standard-async", "standard-imports", "standard-dataclasses",
                    "standard-comments")) {
                if (!PhrasingSet.has(set, f)) {
                    continue; // a set of the later kinds only
                }
                for (PhrasingSet.Item i : PhrasingSet.load(set, f)) {
                    if (i.informal() || !informalOnly) {
                        out.add(new Case(set + "/" + f, true, i.question(), PhrasingSet.intent(i.kind(), i.params())));
                    }
                }
            }
        }
        return out;
    }

    /**
     * Every phrasing of a set written for one codebase ({@link PhrasingSet#codebase}) outside the five standard
     * questions, as asked: its names are that codebase's, so each is scored against that codebase's truth.
     */
    public static List<Case> codebaseCases(String set) {
        List<Case> out = new ArrayList<>();
        for (PhrasingSet.Item i : PhrasingSet.loadSet(set)) {
            if (!i.file().startsWith("standard-")) {
                out.add(new Case(i.file(), i.informal(), i.question(), PhrasingSet.intent(i.kind(), i.params())));
            }
        }
        return out;
    }

    /** The structural files and the stats table their parameter comes from (null: no parameter). */
    static final Map<String, String> STRUCTURAL = new LinkedHashMap<>();

    static {
        STRUCTURAL.put("subclasses", "bases");
        STRUCTURAL.put("subclasses-indirect", "bases");
        STRUCTURAL.put("classes-by-decorator", "class_decorators");
        STRUCTURAL.put("classes-with-method", "methods");
        STRUCTURAL.put("methods-of-class", "classes");
        STRUCTURAL.put("functions-by-decorator", "function_decorators");
        STRUCTURAL.put("functions-by-name", "function_prefixes");
        STRUCTURAL.put("functions-with-parameter", "parameters");
        STRUCTURAL.put("functions-returning", "returns");
        STRUCTURAL.put("raises", "raised");
        STRUCTURAL.put("callers", "called");
        STRUCTURAL.put("imports", "modules");
        STRUCTURAL.put("comments", "tags");
        STRUCTURAL.put("exception-classes", null);
        STRUCTURAL.put("context-managers", null);
        STRUCTURAL.put("properties", null);
        STRUCTURAL.put("exports", null);
        STRUCTURAL.put("constants", null);
        STRUCTURAL.put("enums", null);
        STRUCTURAL.put("abstract-classes", null);
        STRUCTURAL.put("generators", null);
        STRUCTURAL.put("typed-dicts", null);
        STRUCTURAL.put("named-tuples", null);
        STRUCTURAL.put("third-party", null);
        STRUCTURAL.put("entry-points", null);
        STRUCTURAL.put("tests", null);
        STRUCTURAL.put("skipped-tests", null);
        STRUCTURAL.put("undocumented-functions", null);
        STRUCTURAL.put("undocumented-classes", null);
        STRUCTURAL.put("many-parameters", null);
        STRUCTURAL.put("catches", "caught");
        STRUCTURAL.put("bare-excepts", null);
        STRUCTURAL.put("static-class-methods", null);
    }

    private static final Set<String> BUILTINS = Set.of("isinstance", "len", "super", "str", "int", "print", "getattr",
            "setattr", "hasattr", "list", "dict", "set", "tuple", "range", "type", "repr", "iter", "next", "sorted",
            "enumerate", "zip", "map", "filter", "min", "max", "any", "all", "open", "bool", "float", "id", "format",
            "callable", "hash", "object", "bytes", "issubclass", "vars", "abs", "round", "sum", "reversed", "frozenset",
            "property", "staticmethod", "classmethod", "ValueError", "TypeError", "RuntimeError", "KeyError");

    /** The values a file's {x} may take in a codebase: two real ones from its tables, or none. */
    static List<String> values(String file, GroundTruth.Answers stats) {
        String table = STRUCTURAL.get(file);
        if (table == null) {
            return List.of();
        }
        List<String> pool = new ArrayList<>();
        for (String v : stats.values(table)) {
            if (keep(file, v)) {
                pool.add(v);
            }
        }
        List<String> out = new ArrayList<>();
        int[] ranks = file.equals("comments") ? new int[] {0, 1} : new int[] {0, 2};
        for (int r : ranks) {
            if (r < pool.size()) {
                out.add(pool.get(r));
            }
        }
        return out;
    }

    private static boolean keep(String file, String v) {
        if (v.isEmpty() || v.startsWith("_") || v.contains("._") || v.startsWith("self.")) {
            return false;
        }
        return switch (file) {
            case "subclasses", "subclasses-indirect" -> !Set.of("object", "Protocol", "typing.Protocol", "Generic",
                    "typing.Generic", "typing_extensions.Protocol", "Enum", "enum.Enum").contains(v)
                    && Character.isUpperCase(lastPart(v).charAt(0)); // a subclass question on Enum asks for the enums
            case "classes-by-decorator" -> !v.contains("dataclass");
            case "functions-by-decorator" -> !v.contains("dataclass") && !Set.of("property", "cached_property",
                    "functools.cached_property").contains(v) && !v.endsWith(".setter") && !v.endsWith(".getter")
                    && !v.endsWith(".deleter");
            case "classes-with-method" -> !v.equals("__init__");
            case "methods-of-class" -> Character.isUpperCase(v.charAt(0));
            case "functions-with-parameter" -> !Set.of("self", "cls", "args", "kwargs").contains(v);
            case "functions-returning" -> !Set.of("None", "Optional", "Any", "Union", "List", "Dict", "Tuple", "Set",
                    "Type", "typing", "t", "Callable", "Iterable", "Sequence", "Mapping", "Awaitable", "Coroutine",
                    "Generator", "Iterator", "AsyncIterator", "FrozenSet", "Literal").contains(v);
            case "raises", "catches" -> Character.isUpperCase(lastPart(v).charAt(0)) && !v.contains("(");
            case "callers" -> !BUILTINS.contains(v);
            case "imports" -> !Set.of("typing", "__future__", "requests").contains(v);
            case "comments" -> !v.equals("TODO");
            case "functions-by-name" -> v.length() >= 3 && !v.equals("test");
            default -> true;
        };
    }

    private static String lastPart(String v) {
        return v.substring(v.lastIndexOf('.') + 1);
    }

    /** The structural cases for one codebase (the {@code n}-th, for the rotation of phrasings). */
    public static List<Case> structuralCases(GroundTruth.Answers stats, int n) {
        List<Case> out = new ArrayList<>();
        for (String file : STRUCTURAL.keySet()) {
            List<PhrasingSet.Item> phrasings = new ArrayList<>();
            for (String set : List.of(PhrasingSet.MAIN, PhrasingSet.FRESH)) {
                if (PhrasingSet.has(set, file)) {
                    phrasings.addAll(PhrasingSet.templates(set, file));
                }
            }
            List<String> vals = values(file, stats);
            if (STRUCTURAL.get(file) != null && vals.isEmpty()) {
                continue;
            }
            List<String> slots = vals.isEmpty() ? List.of("", "") : vals;
            for (int v = 0; v < slots.size(); v++) {
                for (int k = 0; k < (vals.isEmpty() ? 2 : 2); k++) {
                    PhrasingSet.Item t = phrasings.get(Math.floorMod(n * 7 + v * 3 + k * 5, phrasings.size()));
                    String x = slots.get(v);
                    String question = t.question().replace("{x}", x);
                    Map<String, String> params = new LinkedHashMap<>();
                    t.params().forEach((key, value) -> params.put(key, PhrasingSet.normalise(key, value.replace("{x}", x))));
                    out.add(new Case(file, t.informal(), question, PhrasingSet.intent(t.kind(), params)));
                }
            }
        }
        return out;
    }

    /** The ground-truth asks the cases need. */
    public static List<String> asks(Collection<Case> cases) {
        Set<String> out = new LinkedHashSet<>();
        for (Case c : cases) {
            String a = GroundTruthQuery.of(c.expected());
            if (a != null) {
                out.add(a);
            }
        }
        return List.copyOf(out);
    }

    /** Answers and scores every case. */
    public static List<Result> run(String codebase, List<Case> cases, GroundTruth.Answers truth,
                                   BiFunction<String, String, Answered> answerer) {
        List<Result> out = new ArrayList<>();
        for (Case c : cases) {
            long t0 = System.nanoTime();
            Answered a = answerer.apply(codebase, c.question());
            double ms = (System.nanoTime() - t0) / 1e6;
            Set<String> found = keys(c.expected(), a.items(), truth.unparsed());
            List<Finding> truthItems = truth.get(GroundTruthQuery.of(c.expected()));
            if (a.scope() != null) {
                // "TODOs in the tests folder": the truth in that scope (the scope itself is the question's words)
                String scope = a.scope();
                truthItems = truthItems.stream().filter(f -> f.file().equals(scope) || f.file().startsWith(scope + "/"))
                        .toList();
            }
            Set<String> expected = keys(c.expected(), truthItems, truth.unparsed());
            Set<String> fp = new TreeSet<>(found);
            fp.removeAll(expected);
            Set<String> fn = new TreeSet<>(expected);
            fn.removeAll(found);
            out.add(new Result(codebase, c, a.intent(), a.handled(), expected.size(), found.size(),
                    found.size() - fp.size(), List.copyOf(fp), List.copyOf(fn), ms));
        }
        return out;
    }

    /** The ground-truth keys of {@code items} for {@code intent}, leaving out files in {@code skip} (not parsed). */
    static Set<String> keys(Intent intent, List<Finding> items, Set<String> skip) {
        Set<String> out = new TreeSet<>();
        for (Finding f : items) {
            if (!skip.contains(f.file())) {
                out.add(GroundTruthQuery.key(intent, f));
            }
        }
        return out;
    }

    /** Micro precision, recall and F1 over results. */
    public record Totals(int questions, int classifiedRight, int handled, int truth, int found, int truePositives) {
        public double precision() {
            return found == 0 ? 1 : (double) truePositives / found;
        }

        public double recall() {
            return truth == 0 ? 1 : (double) truePositives / truth;
        }

        public double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }

        static Totals of(List<Result> rs) {
            int right = 0;
            int handled = 0;
            int truth = 0;
            int found = 0;
            int tp = 0;
            for (Result r : rs) {
                right += r.classifiedRight() ? 1 : 0;
                handled += r.handled() ? 1 : 0;
                truth += r.truth();
                found += r.found();
                tp += r.truePositives();
            }
            return new Totals(rs.size(), right, handled, truth, found, tp);
        }
    }

    /** A Markdown table of totals per group (file name, or the expected kind). */
    public static String table(List<Result> results, boolean byFile) {
        Map<String, List<Result>> groups = new LinkedHashMap<>();
        for (Result r : results) {
            String k = byFile ? r.c().file().replaceFirst("^phrasings(-fresh)?/", "") : r.c().expected().kind().name();
            groups.computeIfAbsent(k, x -> new ArrayList<>()).add(r);
        }
        StringBuilder sb = new StringBuilder("| Question kind | Questions | Read right | Hybrid | Truth items | Listed | "
                + "Precision | Recall | F1 |\n|---|---|---|---|---|---|---|---|---|\n");
        groups.forEach((k, rs) -> sb.append(row(k, Totals.of(rs))));
        sb.append(row("**all**", Totals.of(results)));
        return sb.toString();
    }

    private static String row(String name, Totals t) {
        return String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %d | %.3f | %.3f | %.3f |%n", name, t.questions(),
                t.classifiedRight(), t.handled(), t.truth(), t.found(), t.precision(), t.recall(), t.f1());
    }

    /** Totals of all results. */
    public static Totals totals(List<Result> results) {
        return Totals.of(results);
    }
}
