package dev.ferret.lab.track;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferret.agent.AgentRuntime;
import dev.ferret.agent.Answer;
import dev.ferret.agent.loop.CallOnlyAgent;
import dev.ferret.agent.loop.Grounding;
import dev.ferret.agent.python.Hit;
import dev.ferret.agent.python.PythonTool;
import dev.ferret.agent.tools.ExecutedCall;
import dev.ferret.agent.tools.ToolException;
import dev.ferret.engine.chat.Json;
import dev.ferret.lab.data.Jsonl;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Runs the agent (agent mode: no hybrid shortcut) on every question of a {@code ferret call-data} split, each on its
 * own codebase, and counts what issue 13 asks: calls that do not parse (recorded with the name {@code ?}), runs whose
 * call is exactly the expected one (tool and arguments; for the full loop, any call of the run), invented names in
 * the answers ({@link Grounding#audit}), and micro precision and recall of the items the run's calls list against
 * the items the expected call lists ({@link #items}), per kind and for held-out phrasings apart. With the call-only prompt this is
 * the default model's accuracy on held-out codebases; with any prompt it is the "calls always parse" check.
 */
public final class CallEval {
    /** Totals over a set of runs. */
    public record Totals(int runs, int unparsable, int rightCalls, int invented, int calls, int read,
                         long truePositives, long found, long truth) {
        Totals plus(Totals o) {
            return new Totals(runs + o.runs, unparsable + o.unparsable, rightCalls + o.rightCalls, invented + o.invented,
                    calls + o.calls, read + o.read, truePositives + o.truePositives, found + o.found, truth + o.truth);
        }

        /** Micro precision over listed items (1 when nothing was listed). */
        double precision() {
            return found == 0 ? 1 : (double) truePositives / found;
        }

        /** Micro recall over the items the expected call lists (1 when it lists none). */
        double recall() {
            return truth == 0 ? 1 : (double) truePositives / truth;
        }

        double rightShare() {
            return runs == 0 ? 0 : (double) rightCalls / runs;
        }
    }

    /** The whole evaluation: overall, per kind, per phrasing split, per codebase, and the first wrong calls. */
    public record Report(String model, String prompt, Path data, Totals all, Map<String, Totals> perKind,
                         Map<String, Totals> perPhrasing, Map<String, Totals> perCodebase, List<String> wrong,
                         double seconds, double medianSecondsPerRun) {
    }

    private CallEval() {
    }

    public static Report run(Path data, Path codebases, AgentRuntime.Options base, int limit, PrintStream log)
            throws IOException {
        return run(data, codebases, base, limit, true, log);
    }

    /** {@link #run} with the call-only agent's reading of arguments as repository names on or off. */
    public static Report run(Path data, Path codebases, AgentRuntime.Options base, int limit, boolean readNames,
                             PrintStream log) throws IOException {
        return run(data, Jsonl.read(data), codebases, base, limit, readNames, log);
    }

    /**
     * {@link #run} on the questions already read from {@code data} ({@link Jsonl#read}), which are checked before
     * any model is loaded: see {@link #check}.
     */
    public static Report run(Path data, List<JsonNode> questions, Path codebases, AgentRuntime.Options base, int limit,
                             boolean readNames, PrintStream log) throws IOException {
        List<JsonNode> lines = check(data.toString(), questions, codebases, limit);
        Map<String, List<JsonNode>> byCodebase = new LinkedHashMap<>();
        for (JsonNode l : lines) {
            byCodebase.computeIfAbsent(l.path("codebase").asText(), k -> new ArrayList<>()).add(l);
        }
        Totals all = new Totals(0, 0, 0, 0, 0, 0, 0, 0, 0);
        Map<String, Totals> perKind = new TreeMap<>();
        Map<String, Totals> perPhrasing = new TreeMap<>();
        Map<String, Totals> perCodebase = new LinkedHashMap<>();
        List<String> wrong = new ArrayList<>();
        List<Double> times = new ArrayList<>();
        long t0 = System.nanoTime();
        String model = null;
        for (var e : byCodebase.entrySet()) {
            Path repo = codebases.resolve(e.getKey());
            AgentRuntime.Options o = new AgentRuntime.Options(repo, base.model(), base.loras(), base.draft(), base.lookup(),
                    AgentRuntime.Mode.AGENT, base.format(), base.maxSteps(), base.threads(), base.prompt());
            try (AgentRuntime rt = new AgentRuntime(o, AgentRuntime.Progress.SILENT).readNames(readNames)) {
                for (JsonNode l : e.getValue()) {
                    String q = l.path("question").asText();
                    Answer a = rt.ask(q);
                    times.add(a.seconds());
                    int unparsable = (int) a.toolCalls().stream().filter(c -> c.name().equals("?")).count();
                    boolean right = a.toolCalls().stream().anyMatch(c -> c.outcome() == ExecutedCall.Outcome.RAN
                            && c.name().equals(l.path("tool").asText()) && sameArguments(c.arguments(), l.path("arguments")));
                    int invented = Grounding.audit(a.answer(), a.evidence(), q, rt.tools().names()).size();
                    boolean read = CallOnlyAgent.readArguments(a.answer());
                    Set<String> expected = items(rt, l.path("tool").asText(), l.path("arguments"));
                    Set<String> got = new HashSet<>();
                    for (ExecutedCall c : a.toolCalls()) {
                        if (c.outcome() == ExecutedCall.Outcome.RAN) {
                            got.addAll(items(rt, c.name(), Json.MAPPER.readTree(c.arguments())));
                        }
                    }
                    long tp = got.stream().filter(expected::contains).count();
                    Totals t = new Totals(1, unparsable, right ? 1 : 0, invented, a.toolCalls().size(), read ? 1 : 0,
                            tp, got.size(), expected.size());
                    all = all.plus(t);
                    perKind.merge(l.path("kind").asText(), t, Totals::plus);
                    perPhrasing.merge(l.path("held_out_phrasing").asBoolean() ? "held-out phrasings" : "training phrasings",
                            t, Totals::plus);
                    perCodebase.merge(e.getKey(), t, Totals::plus);
                    if (!right) {
                        wrong.add(q + " -> " + a.toolCalls().stream().map(c -> c.name() + " " + c.arguments()).toList()
                                + " (expected " + l.path("tool").asText() + " " + Json.dumps(l.path("arguments")) + ")");
                    }
                }
                if (rt.modelPath() != null) {
                    model = rt.modelPath().getFileName().toString();
                }
            }
            log.printf(Locale.ROOT, "%-18s %s%n", e.getKey(), perCodebase.get(e.getKey()));
        }
        List<Double> sorted = times.stream().sorted().toList();
        double median = sorted.isEmpty() ? 0 : sorted.get(sorted.size() / 2);
        return new Report(model, base.prompt() == null ? "default" : base.prompt().name().toLowerCase(Locale.ROOT), data,
                all, perKind, perPhrasing, perCodebase, wrong, (System.nanoTime() - t0) / 1e9, median);
    }

    /** The fields every question must have (those {@code ferret call-data} writes; kind and phrasing may be absent). */
    private static final List<String> TEXT_FIELDS = List.of("question", "tool", "codebase");

    /**
     * The questions to ask: the first {@code limit} of {@code questions} (all when {@code limit} is 0), each checked
     * as {@code ferret call-data} writes them, so that a wrong file is refused before minutes of runs rather than
     * scored as if it were questions: at least one question; each an object with a non-blank question, tool and
     * codebase (a plain folder name, as in the manifests) and an arguments object; the codebase of each question
     * asked a folder in {@code codebases}.
     *
     * @param data how the messages name the file the questions were read from (its path; the CLI adds its option)
     * @throws IllegalArgumentException naming {@code data}, the question (its number, from 1, blank lines not counted)
     *                                  and what is wrong
     */
    public static List<JsonNode> check(String data, List<JsonNode> questions, Path codebases, int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must be 0 (all) or more, got " + limit);
        }
        if (questions.isEmpty()) {
            throw new IllegalArgumentException(data + ": no questions in it (only blank lines, or none): nothing to evaluate");
        }
        for (int i = 0; i < questions.size(); i++) {
            JsonNode q = questions.get(i);
            String which = data + ": question " + (i + 1);
            if (!q.isObject()) {
                throw new IllegalArgumentException(which + " is " + q.getNodeType().name().toLowerCase(Locale.ROOT)
                        + ", not an object");
            }
            for (String field : TEXT_FIELDS) {
                if (!q.path(field).isTextual() || q.path(field).asText().isBlank()) {
                    throw new IllegalArgumentException(which + " has no \"" + field + "\" text");
                }
            }
            if (!q.path("arguments").isObject()) {
                throw new IllegalArgumentException(which + " has no \"arguments\" object");
            }
            String codebase = q.path("codebase").asText();
            // a name, never a path: the codebase folder must be one of the folders in --codebases
            if (!codebase.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
                throw new IllegalArgumentException(which + " has codebase '" + codebase + "', not a folder name");
            }
        }
        List<JsonNode> asked = limit > 0 && questions.size() > limit ? questions.subList(0, limit) : questions;
        // every codebase is looked for before the first run, not when its turn comes after minutes of others
        List<String> missing = asked.stream().map(q -> q.path("codebase").asText()).distinct()
                .filter(c -> !Files.isDirectory(codebases.resolve(c))).toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(data + ": no folder in " + codebases + " for the codebase"
                    + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing)
                    + " (run scripts/fetch-training-codebases.sh first, or pass --codebases DIR)");
        }
        return asked;
    }

    /**
     * The items a call lists, as the call-only answer lists them: {@code file:line} per hit, one per file for imports
     * ({@link dev.ferret.agent.loop.CallAnswer}); empty for a tool that is not a Python tool or a call that fails.
     */
    static Set<String> items(AgentRuntime rt, String tool, JsonNode args) {
        Set<String> out = new HashSet<>();
        if (rt.tools().get(tool).orElse(null) instanceof PythonTool t) {
            try {
                for (Hit h : t.search(args)) {
                    out.add(tool.equals("find_imports") ? h.file() : h.file() + ":" + h.line());
                }
            } catch (ToolException e) {
                return Set.of();
            }
        }
        return out;
    }

    static boolean sameArguments(String json, JsonNode expected) {
        try {
            JsonNode got = Json.MAPPER.readTree(json);
            return got != null && got.equals(expected);
        } catch (IOException e) {
            return false;
        }
    }

    public static ObjectNode toJson(Report r) {
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("model", r.model());
        n.put("prompt", r.prompt());
        n.put("data", r.data().toString());
        n.put("seconds", r.seconds());
        n.put("median_seconds_per_run", r.medianSecondsPerRun());
        n.set("all", totals(r.all()));
        ObjectNode k = n.putObject("per_kind");
        r.perKind().forEach((name, t) -> k.set(name, totals(t)));
        ObjectNode p = n.putObject("per_phrasing");
        r.perPhrasing().forEach((name, t) -> p.set(name, totals(t)));
        ObjectNode c = n.putObject("per_codebase");
        r.perCodebase().forEach((name, t) -> c.set(name, totals(t)));
        r.wrong().forEach(n.putArray("wrong_calls")::add);
        return n;
    }

    private static ObjectNode totals(Totals t) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("runs", t.runs());
        o.put("tool_calls", t.calls());
        o.put("unparsable_calls", t.unparsable());
        o.put("right_calls", t.rightCalls());
        o.put("right_call_share", t.rightShare());
        o.put("invented_names", t.invented());
        o.put("arguments_read_as_repository_names", t.read());
        o.put("items_true_positive", t.truePositives());
        o.put("items_listed", t.found());
        o.put("items_expected", t.truth());
        o.put("precision", t.precision());
        o.put("recall", t.recall());
        return o;
    }

    public static String toMarkdown(Report r) {
        StringBuilder sb = new StringBuilder();
        sb.append("Model: ").append(r.model()).append(", prompt: ").append(r.prompt()).append(", questions: `")
                .append(r.data()).append("`, agent mode. ")
                .append(String.format(Locale.ROOT, "%.0f s in all, median %.3f s per run.%n%n", r.seconds(),
                        r.medianSecondsPerRun()));
        sb.append("| Set | Runs | Tool calls | Unparsable calls | Right call | Precision | Recall | Invented names "
                + "| Arguments read as names |\n|---|---|---|---|---|---|---|---|---|\n");
        row(sb, "all", r.all());
        r.perPhrasing().forEach((k, t) -> row(sb, k, t));
        r.perKind().forEach((k, t) -> row(sb, "kind " + k, t));
        r.perCodebase().forEach((k, t) -> row(sb, "codebase " + k, t));
        if (!r.wrong().isEmpty()) {
            sb.append("\nFirst wrong calls (all ").append(r.wrong().size()).append(" in the JSON file):\n\n");
            r.wrong().stream().limit(40).forEach(w -> sb.append("- ").append(w.replace("|", "\\|")).append('\n'));
        }
        return sb.toString();
    }

    private static void row(StringBuilder sb, String name, Totals t) {
        sb.append("| ").append(name).append(" | ").append(t.runs()).append(" | ").append(t.calls()).append(" | ")
                .append(t.unparsable()).append(" | ").append(t.rightCalls()).append('/').append(t.runs())
                .append(String.format(Locale.ROOT, " (%.1f%%) | %.3f | %.3f (%d/%d) | ", 100 * t.rightShare(),
                        t.precision(), t.recall(), t.truePositives(), t.truth()))
                .append(t.invented()).append(" | ").append(t.read()).append(" |\n");
    }

    /** Writes NAME.json and NAME.md into {@code out}. */
    public static void write(Report r, Path out, String name) throws IOException {
        Files.createDirectories(out);
        Files.writeString(out.resolve(name + ".json"), Json.MAPPER.writerWithDefaultPrettyPrinter()
                .writeValueAsString(toJson(r)) + "\n");
        Files.writeString(out.resolve(name + ".md"), "# Agent calls on `ferret call-data` questions: " + name + "\n\n"
                + toMarkdown(r));
    }
}
