package dev.ferret.lab.track;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferret.agent.AgentRuntime;
import dev.ferret.agent.Answer;
import dev.ferret.agent.hybrid.AnswerItems;
import dev.ferret.agent.hybrid.Finding;
import dev.ferret.agent.hybrid.IntentClassifier;
import dev.ferret.agent.loop.Grounding;
import dev.ferret.agent.tools.ExecutedCall;
import dev.ferret.engine.chat.Json;
import dev.ferret.models.io.RegularFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Runs the standard query suite on a repository in each mode and records, per query, what the model
 * performance tracker of the earlier attempt recorded: time to answer, tool calls by name, autonomous yes/no,
 * accuracy (precision and recall of the items the answer lists, against ground truth computed by CPython's
 * own parser), peak memory (process RSS, native included), model size on disk and tokens generated; with a
 * drafter (speculative decoding), the share of drafted tokens the model accepted, per query and per system.
 */
public final class Tracker {
    /**
     * One query's record; {@code draft} is {@link Answer.Draft#NONE} when no drafter ran (always for hybrid rows).
     * {@code rightCall}: a call of the run ran with the question's tool and arguments
     * ({@link StandardQuestion#isRightCall}); {@code truePositives} and {@code found} are the scored keys behind
     * precision and recall (for the micro averages); {@code invented}: names the answer gives that its own tool
     * results do not show ({@link Grounding#audit}).
     */
    public record Row(String repo, String mode, StandardQuestion question, double seconds, Map<String, Integer> toolCalls,
                      boolean autonomous, double precision, double recall, int truth, int listed, int tokens,
                      String stopReason, int steps, Answer.Draft draft, boolean rightCall, int truePositives, int found,
                      List<String> invented) {

        /** "repo / mode", the system a summary line stands for. */
        public String system() {
            return repo + " / " + mode;
        }

        /** True when this row's answer was generated with a drafter. */
        public boolean drafting() {
            return !mode.equals("hybrid") && draft.used();
        }
    }

    /** A whole run; {@code draftModel} is the draft model file's name, or null when none was loaded. */
    public record Run(String name, String date, List<Row> rows, long peakRssBytes, long modelBytes, String model,
                      double coldCliSeconds, String groundTruthNote, String draftModel) {}

    /** Draft tokens summed over one system's queries. */
    record DraftTotal(int drafted, int accepted) {}

    /** Per system ("repo / mode", in row order), the summed draft statistics; systems without a drafter are left out. */
    static Map<String, DraftTotal> draftTotals(List<Row> rows) {
        Map<String, DraftTotal> out = new LinkedHashMap<>();
        for (Row r : rows) {
            if (r.drafting()) {
                out.merge(r.system(), new DraftTotal(r.draft().drafted(), r.draft().accepted()),
                        (a, b) -> new DraftTotal(a.drafted() + b.drafted(), a.accepted() + b.accepted()));
            }
        }
        return out;
    }

    /** "19/51 (37%)" (accepted/drafted), "0/0" when the drafter proposed nothing, "–" without a drafter. */
    static String acceptance(boolean drafting, int drafted, int accepted) {
        if (!drafting) {
            return "–";
        }
        if (drafted == 0) {
            return "0/0";
        }
        return accepted + "/" + drafted + String.format(Locale.ROOT, " (%.0f%%)", 100.0 * accepted / drafted);
    }

    private Tracker() {}

    /** One mode's totals over all repositories: the per-mode measures of the README. */
    record ModeTotals(int runs, int rightCalls, int scored, int truePositives, int found, int truth, int invented) {
        double precision() {
            return found == 0 ? 1.0 : (double) truePositives / found;
        }

        double recall() {
            return truth == 0 ? 1.0 : (double) truePositives / truth;
        }
    }

    /** Totals per mode ("hybrid", "agent"), in row order; precision and recall are micro averages over scored rows. */
    static Map<String, ModeTotals> perMode(List<Row> rows) {
        Map<String, ModeTotals> out = new LinkedHashMap<>();
        for (Row r : rows) {
            boolean scored = !Double.isNaN(r.precision());
            ModeTotals add = new ModeTotals(1, r.rightCall() ? 1 : 0, scored ? 1 : 0, scored ? r.truePositives() : 0,
                    scored ? r.found() : 0, scored ? r.truth() : 0, r.invented().size());
            out.merge(r.mode(), add, (a, b) -> new ModeTotals(a.runs() + b.runs(), a.rightCalls() + b.rightCalls(),
                    a.scored() + b.scored(), a.truePositives() + b.truePositives(), a.found() + b.found(),
                    a.truth() + b.truth(), a.invented() + b.invented()));
        }
        return out;
    }

    /**
     * Where {@link #runRemote} sends the agent's questions.
     *
     * @param endpoints         base URLs of OpenAI-compatible servers, questions spread round-robin over them
     * @param maxSteps          model turns that may call tools before the answer is forced
     * @param apiKey            bearer token, or null
     * @param firstCallRequired each question's first turn must be a tool call ({@code tool_choice: "required"})
     */
    public record Remote(List<java.net.URI> endpoints, int maxSteps, String apiKey, boolean firstCallRequired) {
        public Remote {
            endpoints = List.copyOf(endpoints);
        }
    }

    /** Mode label of the rows a model behind an endpoint answered ({@link #runRemote}). */
    public static final String REMOTE = "remote";

    /** Ground truth of a repository, or null with the reason in the note. */
    private record Truth(GroundTruth.Result result, String note) {}

    private static Truth truth(Path repo) throws IOException {
        try {
            GroundTruth.Result truth = new GroundTruth().compute(repo);
            return new Truth(truth, "ground truth: CPython ast/tokenize (" + truth.python() + "), " + truth.files() + " files, "
                    + truth.unparsed().size() + " unparsable files left out of both sides");
        } catch (GroundTruthUnavailableException e) {
            return new Truth(null, "ground truth unavailable (" + e.getMessage() + "): accuracy not scored");
        }
    }

    /** One answered question scored against the ground truth (when there is one). */
    private static Row row(Path repo, String mode, StandardQuestion q, String answer, double seconds, List<ExecutedCall> executed,
                           boolean autonomous, int tokens, String stopReason, int steps, Answer.Draft draft, List<String> evidence,
                           GroundTruth.Result truth, List<String> toolNames) {
        Map<String, Integer> calls = new TreeMap<>();
        for (ExecutedCall c : executed) {
            calls.merge(c.name(), 1, Integer::sum);
        }
        double p = Double.NaN;
        double r = Double.NaN;
        int t = -1;
        int tp = 0;
        int found = 0;
        List<Finding> listed = AnswerItems.parse(answer);
        if (truth != null) {
            Set<String> skip = truth.unparsedFiles();
            Accuracy.Score s = Accuracy.score(q, listed, truth.items(q), skip);
            p = s.precision();
            r = s.recall();
            t = s.truth();
            tp = s.truePositives();
            found = s.found();
        }
        boolean right = executed.stream()
                .anyMatch(c -> c.outcome() == ExecutedCall.Outcome.RAN && q.isRightCall(c.name(), c.arguments()));
        List<String> invented = Grounding.audit(answer, evidence, q.text(), toolNames);
        return new Row(repo.getFileName().toString(), mode, q, seconds, calls, autonomous, p, r, t, listed.size(), tokens, stopReason,
                steps, draft, right, tp, found, invented);
    }

    public static Run run(String name, Path repo, List<AgentRuntime.Mode> modes, AgentRuntime.Options base,
                          boolean coldCli) throws IOException {
        Truth truth = truth(repo);
        List<Row> rows = new ArrayList<>();
        long modelBytes = 0;
        String modelName = null;
        String draftName = null;
        for (AgentRuntime.Mode mode : modes) {
            AgentRuntime.Options o = new AgentRuntime.Options(repo, base.model(), base.loras(), base.draft(), base.lookup(),
                    mode, base.format(), base.maxSteps(), base.threads(), base.prompt());
            try (AgentRuntime rt = new AgentRuntime(o, AgentRuntime.Progress.SILENT)) {
                for (StandardQuestion q : StandardQuestion.values()) {
                    Answer a = rt.ask(q.text());
                    rows.add(row(repo, a.mode().label(), q, a.answer(), a.seconds(), a.toolCalls(), a.autonomous(), a.tokensGenerated(),
                            a.stopReason().label(), a.steps(), a.draft(), a.evidence(), truth.result(), rt.tools().names()));
                }
                // a model is loaded only when a question needed it (hybrid answers need none)
                modelBytes = Math.max(modelBytes, rt.modelBytes());
                if (rt.modelPath() != null) {
                    modelName = rt.modelPath().getFileName().toString();
                }
                if (rt.draftPath() != null) {
                    draftName = rt.draftPath().getFileName().toString();
                }
            }
        }
        double cold = coldCli ? coldCliSeconds(repo) : Double.NaN;
        return new Run(name, LocalDateTime.now().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME), rows, peakRss(), modelBytes,
                modelName == null ? "none (hybrid template)" : modelName, cold, truth.note(), draftName);
    }

    /**
     * The query suite with the agent's model behind running servers ({@code ferret serve} or another OpenAI-compatible
     * one): the questions are spread round-robin over {@code endpoints}, each endpoint answering its share one at a
     * time while the others answer theirs; the tools run here, on {@code repo} ({@link RemoteAgent}). Rows have mode
     * {@link #REMOTE}; with {@code hybrid} the in-process hybrid rows come first, as in {@link #run}. The model's size
     * and memory are the servers' and not measured here: the run's {@code modelBytes} is -1 (reported as n/a).
     */
    public static Run runRemote(String name, Path repo, Remote remote, boolean hybrid, boolean coldCli)
            throws IOException, InterruptedException {
        List<java.net.URI> endpoints = remote.endpoints();
        int maxSteps = remote.maxSteps();
        if (endpoints.isEmpty()) {
            throw new IllegalArgumentException("no endpoint given");
        }
        Truth truth = truth(repo);
        List<Row> rows = new ArrayList<>();
        AgentRuntime.Options o = new AgentRuntime.Options(repo, null, List.of(), null, false, AgentRuntime.Mode.HYBRID,
                AgentRuntime.Format.TEMPLATE, maxSteps, 0, null);
        // one runtime (sandbox, Python index, tools) per endpoint: the tools are not documented as thread-safe, and the
        // endpoints' shares run at the same time
        List<AgentRuntime> runtimes = new ArrayList<>();
        String modelId;
        try {
            for (int e = 0; e < endpoints.size(); e++) {
                runtimes.add(new AgentRuntime(o, AgentRuntime.Progress.SILENT));
            }
            AgentRuntime local = runtimes.getFirst();
            List<String> toolNames = local.tools().names();
            if (hybrid) {
                for (StandardQuestion q : StandardQuestion.values()) {
                    Answer a = local.ask(q.text());
                    rows.add(row(repo, a.mode().label(), q, a.answer(), a.seconds(), a.toolCalls(), a.autonomous(), a.tokensGenerated(),
                            a.stopReason().label(), a.steps(), a.draft(), a.evidence(), truth.result(), toolNames));
                }
            }
            List<RemoteAgent> agents = new ArrayList<>();
            for (int e = 0; e < endpoints.size(); e++) {
                agents.add(new RemoteAgent(endpoints.get(e), runtimes.get(e).tools(),
                        dev.ferret.agent.loop.AgentOptions.defaults().withMaxSteps(maxSteps), remote.apiKey(), remote.firstCallRequired()));
            }
            modelId = agents.getFirst().modelId();
            StandardQuestion[] qs = StandardQuestion.values();
            RemoteAgent.Result[] results = new RemoteAgent.Result[qs.length];
            try (var pool = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
                List<java.util.concurrent.Future<?>> work = new ArrayList<>();
                for (int e = 0; e < agents.size(); e++) {
                    int first = e;
                    RemoteAgent agent = agents.get(e);
                    work.add(pool.submit(() -> {
                        for (int i = first; i < qs.length; i += agents.size()) {
                            results[i] = agent.ask(qs[i].text());
                        }
                        return null;
                    }));
                }
                for (java.util.concurrent.Future<?> f : work) {
                    try {
                        f.get();
                    } catch (java.util.concurrent.ExecutionException ex) {
                        if (ex.getCause() instanceof IOException io) {
                            throw io;
                        }
                        throw new IllegalStateException("a remote query failed: " + ex.getCause(), ex.getCause());
                    }
                }
            }
            for (int i = 0; i < qs.length; i++) {
                RemoteAgent.Result r = results[i];
                rows.add(row(repo, REMOTE, qs[i], r.answer(), r.seconds(), r.calls(), r.autonomous(), r.tokens(), r.stopReason().label(),
                        r.steps(), Answer.Draft.NONE, r.evidence(), truth.result(), toolNames));
            }
        } finally {
            runtimes.forEach(AgentRuntime::close);
        }
        double cold = coldCli ? coldCliSeconds(repo) : Double.NaN;
        String where = String.join(", ", endpoints.stream().map(java.net.URI::toString).toList());
        return new Run(name, LocalDateTime.now().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME), rows, peakRss(), -1,
                "remote: " + modelId + " at " + where, cold, truth.note(), null);
    }

    /** Model size on disk, or n/a when the model ran on a server ({@code modelBytes} -1). */
    static String size(long modelBytes) {
        return modelBytes < 0 ? "n/a (remote)" : String.format(Locale.ROOT, "%.1f MB", modelBytes / 1e6);
    }

    /** Wall time of a fresh {@code ferret ask --mode hybrid} process for Q1, JVM start included. */
    static double coldCliSeconds(Path repo) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = List.of(java, "--enable-native-access=ALL-UNNAMED", "-XX:+UseSerialGC", "-cp",
                System.getProperty("java.class.path"), "dev.ferret.cli.Main", "ask", "--repo", repo.toString(),
                "--mode", "hybrid", StandardQuestion.PROTOCOL_CLASSES.text());
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            if (p.waitFor() != 0) {
                return Double.NaN;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Double.NaN;
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    /** Peak resident set size of this process (VmHWM), native memory included; 0 where /proc is missing. */
    static long peakRss() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return 0;
    }

    static String pct(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.1f%%", 100 * v);
    }

    public static ObjectNode toJson(Run run) {
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("name", run.name());
        n.put("date", run.date());
        n.put("model", run.model());
        if (run.modelBytes() >= 0) {
            n.put("model_bytes", run.modelBytes());
        } else {
            n.putNull("model_bytes"); // served remotely: not measured here
        }
        if (run.draftModel() != null) {
            n.put("draft_model", run.draftModel());
        }
        n.put("peak_rss_bytes", run.peakRssBytes());
        if (!Double.isNaN(run.coldCliSeconds())) {
            n.put("cold_cli_seconds_q1", run.coldCliSeconds());
        }
        n.put("ground_truth", run.groundTruthNote());
        Map<String, DraftTotal> totals = draftTotals(run.rows());
        if (!totals.isEmpty()) {
            ObjectNode d = n.putObject("draft_acceptance");
            totals.forEach((system, t) -> {
                ObjectNode o = d.putObject(system);
                o.put("drafted", t.drafted());
                o.put("accepted", t.accepted());
                o.put("acceptance_rate", t.drafted() == 0 ? 0 : (double) t.accepted() / t.drafted());
            });
        }
        ObjectNode modes = n.putObject("per_mode");
        perMode(run.rows()).forEach((mode, m) -> {
            ObjectNode o = modes.putObject(mode);
            o.put("runs", m.runs());
            o.put("right_calls", m.rightCalls());
            if (m.scored() > 0) {
                o.put("precision_micro", m.precision());
                o.put("recall_micro", m.recall());
                o.put("true_positives", m.truePositives());
                o.put("found_items", m.found());
                o.put("truth_items", m.truth());
            }
            o.put("invented_names", m.invented());
        });
        ObjectNode recall = n.putObject("phrasing_recall");
        for (PhrasingScore.FileScore f : phrasings()) {
            recall.put(f.file(), f.recall());
        }
        ArrayNode rows = n.putArray("queries");
        for (Row r : run.rows()) {
            ObjectNode o = rows.addObject();
            o.put("repo", r.repo());
            o.put("mode", r.mode());
            o.put("question", r.question().text());
            o.put("seconds", r.seconds());
            ObjectNode calls = o.putObject("tool_calls");
            r.toolCalls().forEach(calls::put);
            o.put("autonomous", r.autonomous());
            if (!Double.isNaN(r.precision())) {
                o.put("precision", r.precision());
                o.put("recall", r.recall());
                o.put("truth_items", r.truth());
            }
            o.put("listed_items", r.listed());
            o.put("right_call", r.rightCall());
            o.put("expected_call", r.question().expectedCall());
            if (!Double.isNaN(r.precision())) {
                o.put("true_positives", r.truePositives());
                o.put("found_items", r.found());
            }
            o.put("invented_names", r.invented().size());
            if (!r.invented().isEmpty()) {
                ArrayNode inv = o.putArray("invented");
                r.invented().forEach(inv::add);
            }
            o.put("tokens_generated", r.tokens());
            o.put("stop_reason", r.stopReason());
            o.put("steps", r.steps());
            if (r.drafting()) {
                ObjectNode d = o.putObject("draft");
                d.put("drafter", r.draft().drafter());
                d.put("drafted", r.draft().drafted());
                d.put("accepted", r.draft().accepted());
                d.put("acceptance_rate", r.draft().acceptanceRate());
            }
        }
        return n;
    }

    /** Markdown in the shape of the model performance tracker: a quick-reference row per mode, then the queries. */
    public static String toMarkdown(Run run) {
        StringBuilder sb = new StringBuilder();
        sb.append("## ").append(run.name()).append(" — ").append(run.date()).append("\n\n");
        sb.append("Model: ").append(run.model()).append(" (").append(run.modelBytes() < 0 ? "size n/a: served remotely"
                        : String.format(Locale.ROOT, "%.1f MB on disk", run.modelBytes() / 1e6)).append("). ").append(run.draftModel() == null ? "" : "Draft model: " + run.draftModel() + ". ")
                .append("Peak memory (RSS, native included): ")
                .append(String.format(Locale.ROOT, "%.0f MB", run.peakRssBytes() / 1e6)).append(". ").append(run.groundTruthNote()).append(".\n");
        if (!Double.isNaN(run.coldCliSeconds())) {
            sb.append("End to end, a fresh `ferret ask --mode hybrid` process answering Q1 (JVM start included): ")
                    .append(String.format(Locale.ROOT, "%.2f s", run.coldCliSeconds())).append(".\n");
        }
        sb.append("\n| System | Model size | Memory (peak RSS) | Speed (mean per query) | Autonomous tools? | Precision | Recall | Draft accepted |\n|---|---|---|---|---|---|---|---|\n");
        Map<String, List<Row>> byMode = new LinkedHashMap<>();
        for (Row r : run.rows()) {
            byMode.computeIfAbsent(r.system(), k -> new ArrayList<>()).add(r);
        }
        Map<String, DraftTotal> totals = draftTotals(run.rows());
        for (var e : byMode.entrySet()) {
            List<Row> rs = e.getValue();
            double secs = rs.stream().mapToDouble(Row::seconds).average().orElse(0);
            long auto = rs.stream().filter(Row::autonomous).count();
            double p = rs.stream().mapToDouble(Row::precision).average().orElse(Double.NaN);
            double r = rs.stream().mapToDouble(Row::recall).average().orElse(Double.NaN);
            String mode = rs.getFirst().mode();
            DraftTotal d = totals.get(e.getKey());
            boolean remote = mode.equals(REMOTE);
            sb.append("| Ferret ").append(e.getKey()).append(" | ").append(remote ? "n/a (remote)" : size(Math.max(0, run.modelBytes()))) // hybrid rows load no model
                    .append(" | ").append(remote ? "n/a (remote)" : String.format(Locale.ROOT, "%.0f MB", run.peakRssBytes() / 1e6))
                    .append(" | ").append(String.format(Locale.ROOT, "%.3f s", secs))
                    .append(" | ").append(mode.equals("hybrid") ? "n/a (planned tool calls)" : auto + "/" + rs.size())
                    .append(" | ").append(pct(p)).append(" | ").append(pct(r))
                    .append(" | ").append(d == null ? "–" : acceptance(true, d.drafted(), d.accepted())).append(" |\n");
        }
        sb.append("\nPer mode, over every repository: runs whose call has the right tool and arguments, precision and recall "
                + "over the listed items (micro: summed over the runs), names the answers give that their own tool results "
                + "do not show.\n\n| Mode | Runs | Right call | Precision (micro) | Recall (micro) | Invented names |\n|---|---|---|---|---|---|\n");
        perMode(run.rows()).forEach((mode, m) -> sb.append("| ").append(mode).append(" | ").append(m.runs())
                .append(" | ").append(m.rightCalls()).append("/").append(m.runs())
                .append(String.format(Locale.ROOT, " (%.0f%%)", 100.0 * m.rightCalls() / Math.max(1, m.runs())))
                .append(" | ").append(m.scored() == 0 ? "n/a" : pct(m.precision()) + " (" + m.truePositives() + "/" + m.found() + ")")
                .append(" | ").append(m.scored() == 0 ? "n/a" : pct(m.recall()) + " (" + m.truePositives() + "/" + m.truth() + ")")
                .append(" | ").append(m.invented()).append(" |\n"));
        sb.append("\n| Repo | Mode | Query | Time | Tool calls | Right call | Autonomous | Precision | Recall | Items (listed/truth) | Invented | Tokens | Stop | Draft accepted |\n|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (Row r : run.rows()) {
            sb.append("| ").append(r.repo()).append(" | ").append(r.mode()).append(" | ").append(r.question().label())
                    .append(" | ").append(String.format(Locale.ROOT, "%.3f s", r.seconds()))
                    .append(" | ").append(r.toolCalls().isEmpty() ? "none" : r.toolCalls().toString().replaceAll("[{}]", ""))
                    .append(" | ").append(r.rightCall() ? "yes" : "no")
                    .append(" | ").append(r.autonomous() ? "yes" : "no")
                    .append(" | ").append(pct(r.precision())).append(" | ").append(pct(r.recall()))
                    .append(" | ").append(r.listed()).append("/").append(r.truth() < 0 ? "?" : r.truth())
                    .append(" | ").append(r.invented().size())
                    .append(" | ").append(r.tokens()).append(" | ").append(r.stopReason())
                    .append(" | ").append(acceptance(r.drafting(), r.draft().drafted(), r.draft().accepted())).append(" |\n");
        }
        sb.append("\nIntent classifier on the evaluation phrasings (per intent; `ferret accuracy --questions` asks them "
                + "of codebases):\n\n").append(PhrasingScore.markdown(phrasings()));
        return sb.toString();
    }

    /** The classifier on the main phrasing set (microseconds per question; computed when a report is written). */
    static List<PhrasingScore.FileScore> phrasings() {
        return PhrasingScore.score(new IntentClassifier());
    }

    /** A bar chart of seconds per query and mode, as SVG. */
    public static String toSvg(Run run) {
        List<Row> rows = run.rows();
        double max = rows.stream().mapToDouble(Row::seconds).max().orElse(1);
        int barH = 18;
        int gap = 6;
        int left = 260;
        int width = 760;
        int height = 40 + rows.size() * (barH + gap);
        StringBuilder sb = new StringBuilder();
        sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width).append("\" height=\"").append(height)
                .append("\" font-family=\"sans-serif\" font-size=\"12\">\n");
        sb.append("<text x=\"10\" y=\"20\" font-size=\"14\">Time per query (s): ").append(escape(run.name())).append("</text>\n");
        int y = 35;
        for (Row r : rows) {
            double w = (width - left - 80) * r.seconds() / max;
            String color = r.mode().equals("hybrid") ? "#3b7dd8" : "#d8843b";
            sb.append("<text x=\"10\" y=\"").append(y + 13).append("\">").append(escape(r.repo() + " " + r.mode() + " " + r.question().label())).append("</text>\n");
            sb.append("<rect x=\"").append(left).append("\" y=\"").append(y).append("\" width=\"").append(String.format(Locale.ROOT, "%.1f", Math.max(1, w)))
                    .append("\" height=\"").append(barH).append("\" fill=\"").append(color).append("\"/>\n");
            sb.append("<text x=\"").append(String.format(Locale.ROOT, "%.1f", left + Math.max(1, w) + 5)).append("\" y=\"").append(y + 13).append("\">")
                    .append(String.format(Locale.ROOT, "%.3f", r.seconds())).append("</text>\n");
            y += barH + gap;
        }
        return sb.append("</svg>\n").toString();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** The files {@link #write} writes: {@code NAME.json}, {@code NAME.md}, {@code NAME.svg} and the history. */
    public static List<Path> outputs(Path outDir, String baseName) {
        return List.of(outDir.resolve(baseName + ".json"), outDir.resolve(baseName + ".md"), outDir.resolve(baseName + ".svg"),
                outDir.resolve("tracker-history.md"));
    }

    /**
     * Throws unless {@link #write} can write its files: {@code outDir} a directory or nothing yet, each file nothing,
     * a regular file or a link to one (written through). A named pipe there would block the write, a device or
     * folder fail it; a caller checks before running the suite so that minutes of work do not end in that refusal.
     *
     * @throws dev.ferret.models.io.FileKindException naming the path and what it is
     */
    public static void checkOutputs(Path outDir, String baseName) throws IOException {
        RegularFiles.requireFolder(outDir);
        for (Path p : outputs(outDir, baseName)) {
            RegularFiles.writeTarget(p);
        }
    }

    /** Writes JSON, Markdown and SVG for the run and appends it to the history file (all checked first). */
    public static List<Path> write(Run run, Path outDir, String baseName) throws IOException {
        checkOutputs(outDir, baseName);
        Files.createDirectories(outDir);
        Path json = outDir.resolve(baseName + ".json");
        Path md = outDir.resolve(baseName + ".md");
        Path svg = outDir.resolve(baseName + ".svg");
        Files.writeString(json, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(toJson(run)) + "\n");
        Files.writeString(md, "# Model performance tracker: " + run.name() + "\n\n" + toMarkdown(run)
                + "\n![time per query](" + svg.getFileName() + ")\n");
        Files.writeString(svg, toSvg(run));
        Path history = outDir.resolve("tracker-history.md");
        if (!Files.exists(history)) {
            Files.writeString(history, "# Tracker history\n\nOne section per `ferret track` run, newest last.\n\n");
        }
        Files.writeString(history, toMarkdown(run) + "\n", StandardOpenOption.APPEND);
        return List.of(json, md, svg, history);
    }
}
