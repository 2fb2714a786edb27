package dev.ferret.lab.data;

import dev.ferret.agent.prompt.AgentPrompt;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferret.agent.tools.ToolException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Writes the agent's training data: for each codebase of the manifests, questions played out as tool-calling
 * conversations on the real code with the project's own tools (see {@link CodebaseGenerator}), as mlx_lm chat JSONL
 * ({@code train.jsonl}, {@code valid.jsonl}, {@code test.jsonl}, split by codebase), a metadata sidecar per split
 * ({@code *.meta.jsonl}: id, codebase, task, shape, line for line), and {@code stats.json} / {@code stats.md}.
 *
 * <p>Command: {@code ferret data} ({@code --manifest TSV}..., {@code --codebases DIR}, {@code --out DIR},
 * {@code --stats DIR}, {@code --seed N}, {@code --train-per-codebase N}, {@code --eval-per-codebase N},
 * {@code --only NAME}..., {@code --verify}, {@code --verify-only}). Defaults: the manifests {@code scripts/training-codebases.tsv} and {@code scripts/codebases.tsv} (rows without a
 * split column are held-out test), codebases in {@code .work/codebases} (fetched by
 * {@code scripts/fetch-training-codebases.sh}), output in {@code .work/training-data}, stats next to the output.
 * {@code --verify} then re-reads every file and replays every recorded tool call on a fresh copy of the tools
 * ({@link DatasetCheck}); {@code --verify-only} does only that, on an existing output folder. Exit status 0 when all
 * is well, 1 when verification fails, 2 for bad arguments or missing codebases.
 */
public final class TrainingDataGenerator {
    public static final long DEFAULT_SEED = 20250601L;
    public static final int DEFAULT_TRAIN_PER_CODEBASE = 120;
    public static final int DEFAULT_EVAL_PER_CODEBASE = 60;

    /** The command-line options. */
    public record Options(List<Path> manifests, Path codebases, Path out, Path stats, long seed, int trainPerCodebase,
                          int evalPerCodebase, Set<String> only, boolean verify, boolean verifyOnly) {
        public static Options defaults() {
            return new Options(List.of(Path.of("scripts/training-codebases.tsv"), Path.of("scripts/codebases.tsv")),
                    Path.of(".work/codebases"), Path.of(".work/training-data"), null, DEFAULT_SEED,
                    DEFAULT_TRAIN_PER_CODEBASE, DEFAULT_EVAL_PER_CODEBASE, Set.of(), false, false);
        }
    }

    /** The outcome of {@link #verify}. */
    public record Verification(int examples, int callsReplayed, int replayMismatches, int formatProblems,
                               int placeholderResults, int answerProblems, int codebasesInTwoSplits,
                               List<String> firstProblems) {
        public boolean ok() {
            return examples > 0 && replayMismatches == 0 && formatProblems == 0 && placeholderResults == 0
                    && answerProblems == 0 && codebasesInTwoSplits == 0;
        }

        ObjectNode json() {
            ObjectNode o = Jsonl.MAPPER.createObjectNode();
            o.put("ok", ok());
            o.put("examples", examples);
            o.put("calls_replayed", callsReplayed);
            o.put("replay_mismatches", replayMismatches);
            o.put("format_problems", formatProblems);
            o.put("placeholder_results", placeholderResults);
            o.put("answer_problems", answerProblems);
            o.put("codebases_in_two_splits", codebasesInTwoSplits);
            return o;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%d examples, %d tool calls replayed: %d results differ, %d format "
                            + "problems, %d placeholder results, %d answer problems, %d codebases in two splits: %s",
                    examples, callsReplayed, replayMismatches, formatProblems, placeholderResults, answerProblems,
                    codebasesInTwoSplits, ok() ? "OK" : "FAILED");
        }
    }

    private TrainingDataGenerator() {
    }

    /** Generates (unless --verify-only), writes, verifies when asked; returns the exit status. */
    public static int run(Options o, PrintStream log) throws IOException, ToolException {
        List<Codebase> all = Manifest.readAll(o.manifests(), o.codebases());
        List<Codebase> chosen = Manifest.selectFetched(all, o.only());
        Path statsDir = o.stats() == null ? o.out() : o.stats();
        if (!o.verifyOnly()) {
            Map<Split, List<Example>> bySplit = new EnumMap<>(Split.class);
            for (Split s : Split.values()) {
                bySplit.put(s, new ArrayList<>());
            }
            for (Codebase c : chosen) {
                long t0 = System.nanoTime();
                int budget = c.split() == Split.TRAIN ? o.trainPerCodebase() : o.evalPerCodebase();
                CodebaseGenerator g = new CodebaseGenerator(c, Repo.open(c.root()), seedFor(o.seed(), c.name()));
                List<Example> ex = g.generate(budget);
                bySplit.get(c.split()).addAll(ex);
                log.printf(Locale.ROOT, "%-18s %-5s %4d examples in %5.1f s (dropped candidates: %s)%n", c.name(),
                        c.split().word(), ex.size(), (System.nanoTime() - t0) / 1e9, top(g.rejected(), 4));
            }
            List<JsonNode> tools = Repo.open(chosen.getFirst().root()).schemas();
            ArrayNode toolArray = Jsonl.MAPPER.createArrayNode().addAll(tools);
            for (Split s : Split.values()) {
                List<ObjectNode> lines = bySplit.get(s).stream().map(e -> e.line(toolArray)).toList();
                Jsonl.write(o.out().resolve(s.fileName()), lines);
                Jsonl.write(o.out().resolve(s.metaFileName()), bySplit.get(s).stream().map(Example::meta).toList());
            }
            long t0 = System.nanoTime();
            TokenCounter counter = new TokenCounter(tools, AgentPrompt.SYSTEM_PROMPT);
            Stats stats = new Stats();
            for (Split s : Split.values()) {
                for (Example e : bySplit.get(s)) {
                    TokenCounter.Count n = counter.count(e.messages());
                    stats.add(e, n.tokens(), n.chars());
                }
            }
            log.printf(Locale.ROOT, "wrote %d examples to %s (tokens counted in %.1f s)%n", stats.size(), o.out(),
                    (System.nanoTime() - t0) / 1e9);
            Verification v = null;
            if (o.verify()) {
                v = verify(o.out(), all, log);
                log.println("verify: " + v);
            }
            stats.write(statsDir, stats.json(counter.describe(), counter.systemTokens(), o.seed(), v == null ? null : v.json()));
            log.println("statistics in " + statsDir.resolve("stats.json") + " and stats.md");
            return v == null || v.ok() ? 0 : 1;
        }
        Verification v = verify(o.out(), all, log);
        log.println("verify: " + v);
        return v.ok() ? 0 : 1;
    }

    /** A per-codebase seed, so adding a codebase does not change the others' examples. */
    static long seedFor(long seed, String codebase) {
        return seed ^ (codebase.hashCode() * 0x9E3779B97F4A7C15L);
    }

    private static String top(Map<String, Integer> counts, int n) {
        return counts.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(n)
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    }

    /** Generates one codebase's examples (the tests use this on small repositories). */
    public static List<Example> generate(Codebase codebase, int budget, long seed) throws ToolException {
        return new CodebaseGenerator(codebase, Repo.open(codebase.root()), seedFor(seed, codebase.name())).generate(budget);
    }

    /**
     * Checks an output folder: every line well formed, no placeholder results, answers only from the recorded outputs,
     * each codebase in one split only, and every recorded tool call replayed on a fresh set of tools on its codebase
     * giving exactly the recorded result.
     */
    public static Verification verify(Path out, List<Codebase> codebases, PrintStream log) throws IOException {
        Map<String, Codebase> byName = new HashMap<>();
        codebases.forEach(c -> byName.put(c.name(), c));
        Map<String, Repo> repos = new HashMap<>();
        Map<String, Set<Split>> splitsOf = new LinkedHashMap<>();
        List<String> first = new ArrayList<>();
        int examples = 0;
        int calls = 0;
        int mismatches = 0;
        int format = 0;
        int placeholders = 0;
        int answers = 0;
        Set<String> toolNames = null;
        for (Split s : Split.values()) {
            Path file = out.resolve(s.fileName());
            Path metaFile = out.resolve(s.metaFileName());
            if (!Files.exists(file)) {
                continue;
            }
            List<JsonNode> lines = Jsonl.read(file);
            List<JsonNode> metas = Jsonl.read(metaFile);
            if (lines.size() != metas.size()) {
                format++;
                note(first, s.fileName() + ": " + lines.size() + " lines but " + metas.size() + " metadata lines");
                continue;
            }
            long t0 = System.nanoTime();
            for (int i = 0; i < lines.size(); i++) {
                JsonNode line = lines.get(i);
                JsonNode meta = metas.get(i);
                String where = s.fileName() + ":" + (i + 1) + " (" + meta.path("id").asText() + ")";
                examples++;
                String name = meta.path("codebase").asText();
                splitsOf.computeIfAbsent(name, k -> new LinkedHashSet<>()).add(s);
                Codebase c = byName.get(name);
                if (c == null || c.split() != s || !s.word().equals(meta.path("split").asText())) {
                    format++;
                    note(first, where + ": codebase " + name + " is not in the " + s.word() + " split of the manifests");
                    continue;
                }
                Repo repo = repos.computeIfAbsent(name, k -> Repo.open(c.root()));
                if (toolNames == null) {
                    toolNames = new HashSet<>(repo.toolbox().names());
                }
                List<String> f = DatasetCheck.format(line, toolNames);
                if (!f.isEmpty()) {
                    format++;
                    note(first, where + ": " + f.getFirst());
                    continue;
                }
                JsonNode ms = line.path("messages");
                List<Example.Call> cs = Example.calls(ms);
                List<String> p = DatasetCheck.placeholders(cs);
                placeholders += p.size();
                p.forEach(x -> note(first, where + ": " + x));
                List<String> a = DatasetCheck.answer(ms.get(ms.size() - 1).path("content").asText(), cs);
                if (!a.isEmpty()) {
                    answers++;
                    note(first, where + ": " + a.getFirst());
                }
                List<String> r = DatasetCheck.replay(repo, cs);
                calls += cs.size();
                mismatches += r.size();
                r.forEach(x -> note(first, where + ": " + x));
            }
            if (log != null) {
                log.printf(Locale.ROOT, "verify: %s: %d examples checked and replayed in %.1f s%n", s.fileName(),
                        lines.size(), (System.nanoTime() - t0) / 1e9);
            }
        }
        int twoSplits = (int) splitsOf.values().stream().filter(v -> v.size() > 1).count();
        if (log != null) {
            first.forEach(x -> log.println("verify: " + x));
        }
        return new Verification(examples, calls, mismatches, format, placeholders, answers, twoSplits, List.copyOf(first));
    }

    private static void note(List<String> first, String problem) {
        if (first.size() < 20) {
            first.add(problem);
        }
    }
}
