package dev.ferret.lab.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Statistics of a generated data set: examples per split, task, shape and codebase, turns, tool calls and tokens. */
final class Stats {
    /** What is counted of one example. */
    record Row(String codebase, Split split, Task task, String shape, int messages, List<String> tools, int tokens,
               int chars, int renderedChars, String answerKind) {
    }

    private final List<Row> rows = new ArrayList<>();
    private final Map<String, Split> codebases = new TreeMap<>();

    void add(Example e, int tokens, int renderedChars) {
        List<String> tools = e.calls().stream().map(Example.Call::tool).toList();
        int chars = 0;
        for (JsonNode m : e.messages()) {
            chars += m.path("content").asText().length();
        }
        String a = e.answer();
        String kind = a.startsWith("No ") ? "none_found" : a.contains("\n... and ") ? "summarized" : "listed";
        rows.add(new Row(e.codebase(), e.split(), e.task(), e.shape(), e.messages().size(), tools, tokens, chars, renderedChars, kind));
        codebases.put(e.codebase(), e.split());
    }

    int size() {
        return rows.size();
    }

    ObjectNode json(String tokenizer, int systemTokens, long seed, ObjectNode verification) {
        ObjectNode o = Jsonl.MAPPER.createObjectNode();
        o.put("examples", rows.size());
        o.put("codebases", codebases.size());
        o.put("seed", seed);
        o.put("tokenizer", tokenizer);
        o.put("system_and_tools_tokens_per_example", systemTokens);
        ObjectNode splits = o.putObject("splits");
        for (Split s : Split.values()) {
            List<Row> rs = rows.stream().filter(r -> r.split() == s).toList();
            ObjectNode so = splits.putObject(s.word());
            so.put("file", s.fileName());
            so.put("examples", rs.size());
            var names = so.putArray("codebases");
            codebases.forEach((n, sp) -> {
                if (sp == s) {
                    names.add(n);
                }
            });
            so.set("tokens", summary(rs.stream().map(Row::tokens).toList()));
            so.set("tool_calls_per_example", summary(rs.stream().map(r -> r.tools().size()).toList()));
        }
        ObjectNode tasks = o.putObject("tasks");
        for (Task t : Task.values()) {
            ObjectNode to = tasks.putObject(t.label());
            to.put("standard", t.standard());
            to.put("total", rows.stream().filter(r -> r.task() == t).count());
            for (Split s : Split.values()) {
                to.put(s.word(), rows.stream().filter(r -> r.task() == t && r.split() == s).count());
            }
        }
        o.set("shapes", counts(rows.stream().map(Row::shape).toList()));
        o.set("answers", counts(rows.stream().map(Row::answerKind).toList()));
        o.set("tool_calls", counts(rows.stream().flatMap(r -> r.tools().stream()).toList()));
        o.set("tool_calls_per_example", counts(rows.stream().map(r -> String.valueOf(r.tools().size())).toList()));
        o.set("messages_per_example", counts(rows.stream().map(r -> String.valueOf(r.messages())).toList()));
        ObjectNode tokens = o.putObject("tokens");
        tokens.put("total", rows.stream().mapToLong(Row::tokens).sum());
        tokens.set("per_example", summary(rows.stream().map(Row::tokens).toList()));
        tokens.put("characters_total", rows.stream().mapToLong(Row::chars).sum());
        tokens.set("rendered_characters_per_example", summary(rows.stream().map(Row::renderedChars).toList()));
        for (int limit : new int[] {2048, 4096, 8192}) {
            tokens.put("examples_over_" + limit, rows.stream().filter(r -> r.tokens() > limit).count());
        }
        ObjectNode cbs = o.putObject("per_codebase");
        codebases.forEach((n, s) -> {
            List<Row> rs = rows.stream().filter(r -> r.codebase().equals(n)).toList();
            ObjectNode co = cbs.putObject(n);
            co.put("split", s.word());
            co.put("examples", rs.size());
            co.put("tool_calls", rs.stream().mapToInt(r -> r.tools().size()).sum());
            co.put("tokens", rs.stream().mapToLong(Row::tokens).sum());
            ObjectNode per = co.putObject("tasks");
            for (Task t : Task.values()) {
                per.put(t.label(), rs.stream().filter(r -> r.task() == t).count());
            }
        });
        if (verification != null) {
            o.set("verification", verification);
        }
        return o;
    }

    private static ObjectNode counts(List<String> values) {
        Map<String, Integer> m = new TreeMap<>();
        values.forEach(v -> m.merge(v, 1, Integer::sum));
        ObjectNode o = Jsonl.MAPPER.createObjectNode();
        m.forEach(o::put);
        return o;
    }

    private static ObjectNode summary(List<Integer> values) {
        ObjectNode o = Jsonl.MAPPER.createObjectNode();
        if (values.isEmpty()) {
            o.put("total", 0);
            return o;
        }
        List<Integer> v = new ArrayList<>(values);
        Collections.sort(v);
        long total = v.stream().mapToLong(Integer::longValue).sum();
        o.put("total", total);
        o.put("mean", Math.round(10.0 * total / v.size()) / 10.0);
        o.put("min", v.getFirst());
        o.put("median", v.get(v.size() / 2));
        o.put("p95", v.get(Math.min(v.size() - 1, (int) Math.ceil(0.95 * v.size()) - 1)));
        o.put("max", v.getLast());
        return o;
    }

    void write(Path dir, ObjectNode json) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("stats.json"),
                Jsonl.MAPPER.writer().with(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json) + "\n",
                StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("stats.md"), markdown(json), StandardCharsets.UTF_8);
    }

    static String markdown(ObjectNode j) {
        StringBuilder sb = new StringBuilder();
        sb.append("# Training data statistics\n\n");
        sb.append("Generated by `dev.ferret.lab.data.TrainingDataGenerator` (seed ").append(j.path("seed").asLong())
                .append("): ").append(j.path("examples").asInt()).append(" examples from ")
                .append(j.path("codebases").asInt()).append(" codebases. See `training/README.md`.\n\n");
        sb.append("Tokens: ").append(j.path("tokenizer").asText()).append(". The system turn with the tool list costs ")
                .append(j.path("system_and_tools_tokens_per_example").asInt()).append(" tokens in every example.\n\n");
        sb.append("## Splits\n\n| split | file | examples | codebases | tokens | mean tokens | p95 | max | mean calls |\n");
        sb.append("|---|---|---:|---|---:|---:|---:|---:|---:|\n");
        for (Split s : Split.values()) {
            JsonNode so = j.path("splits").path(s.word());
            List<String> names = new ArrayList<>();
            so.path("codebases").forEach(n -> names.add(n.asText()));
            JsonNode t = so.path("tokens");
            sb.append(String.format(Locale.ROOT, "| %s | %s | %d | %d: %s | %d | %.1f | %d | %d | %.2f |\n", s.word(),
                    so.path("file").asText(), so.path("examples").asInt(), names.size(), String.join(", ", names),
                    t.path("total").asLong(), t.path("mean").asDouble(), t.path("p95").asInt(), t.path("max").asInt(),
                    so.path("tool_calls_per_example").path("mean").asDouble()));
        }
        sb.append("\n## Tasks\n\n| task | standard | train | valid | test | total |\n|---|---|---:|---:|---:|---:|\n");
        j.path("tasks").properties().forEach(e -> {
            JsonNode t = e.getValue();
            sb.append(String.format(Locale.ROOT, "| %s | %s | %d | %d | %d | %d |\n", e.getKey(),
                    t.path("standard").asBoolean() ? "yes" : "", t.path("train").asInt(), t.path("valid").asInt(),
                    t.path("test").asInt(), t.path("total").asInt()));
        });
        table(sb, "Conversation shapes", "shape", "examples", j.path("shapes"));
        table(sb, "Final answers", "kind", "examples", j.path("answers"));
        table(sb, "Tool calls per tool", "tool", "calls", j.path("tool_calls"));
        table(sb, "Tool calls per example", "calls", "examples", j.path("tool_calls_per_example"));
        table(sb, "Messages per example", "messages", "examples", j.path("messages_per_example"));
        JsonNode tk = j.path("tokens");
        sb.append("\n## Tokens\n\n");
        sb.append(String.format(Locale.ROOT, "Total %d tokens (%d characters of message content); per example mean "
                        + "%.1f, median %d, p95 %d, max %d. Over 2048: %d, over 4096: %d, over 8192: %d.\n",
                tk.path("total").asLong(), tk.path("characters_total").asLong(), tk.path("per_example").path("mean").asDouble(),
                tk.path("per_example").path("median").asInt(), tk.path("per_example").path("p95").asInt(),
                tk.path("per_example").path("max").asInt(), tk.path("examples_over_2048").asInt(),
                tk.path("examples_over_4096").asInt(), tk.path("examples_over_8192").asInt()));
        JsonNode rc = tk.path("rendered_characters_per_example");
        sb.append(String.format(Locale.ROOT, "The rendered conversations (chat template, tool list included) have a mean "
                        + "of %.1f characters (median %d, p95 %d, max %d); characters/4 is a rough estimate of the tokens "
                        + "of a large (Qwen-sized) vocabulary, which splits text into fewer tokens than this small BPE.%n", rc.path("mean").asDouble(),
                rc.path("median").asInt(), rc.path("p95").asInt(), rc.path("max").asInt()));
        sb.append("\n## Per codebase\n\n| codebase | split | examples | tool calls | tokens |");
        List<String> taskNames = new ArrayList<>();
        for (Task t : Task.values()) {
            taskNames.add(t.label());
        }
        for (String t : taskNames) {
            sb.append(' ').append(abbrev(t)).append(" |");
        }
        sb.append("\n|---|---|---:|---:|---:|").append("---:|".repeat(taskNames.size())).append('\n');
        j.path("per_codebase").properties().forEach(e -> {
            JsonNode c = e.getValue();
            sb.append(String.format(Locale.ROOT, "| %s | %s | %d | %d | %d |", e.getKey(), c.path("split").asText(),
                    c.path("examples").asInt(), c.path("tool_calls").asInt(), c.path("tokens").asLong()));
            for (String t : taskNames) {
                sb.append(' ').append(c.path("tasks").path(t).asInt()).append(" |");
            }
            sb.append('\n');
        });
        sb.append("\nTask columns: ");
        List<String> legend = new ArrayList<>();
        for (String t : taskNames) {
            legend.add(abbrev(t) + " = " + t);
        }
        sb.append(String.join(", ", legend)).append(".\n");
        JsonNode v = j.path("verification");
        if (!v.isMissingNode()) {
            sb.append("\n## Verification (--verify)\n\n");
            sb.append(String.format(Locale.ROOT, "%d examples checked, %d tool calls replayed on the codebases: %d "
                            + "results differ, %d format problems, %d placeholder results, %d answer problems, "
                            + "%d codebases in more than one split. %s\n", v.path("examples").asInt(),
                    v.path("calls_replayed").asInt(), v.path("replay_mismatches").asInt(),
                    v.path("format_problems").asInt(), v.path("placeholder_results").asInt(),
                    v.path("answer_problems").asInt(), v.path("codebases_in_two_splits").asInt(),
                    v.path("ok").asBoolean() ? "Result: OK." : "Result: FAILED."));
        }
        return sb.toString();
    }

    private static String abbrev(String task) {
        return switch (Task.parse(task)) {
            case PROTOCOL_CLASSES -> "prot";
            case ASYNC_FUNCTIONS -> "async";
            case IMPORTS -> "imp";
            case DATACLASSES -> "dc";
            case COMMENTS -> "cmt";
            case SUBCLASSES -> "sub";
            case CLASS_LOOKUP -> "cls";
            case FUNCTION_DEFINITION -> "def";
            case CLASS_METHODS -> "meth";
            case DECORATORS -> "deco";
            case FILE_FINDING -> "file";
        };
    }

    private static void table(StringBuilder sb, String title, String key, String value, JsonNode counts) {
        sb.append("\n## ").append(title).append("\n\n| ").append(key).append(" | ").append(value)
                .append(" |\n|---|---:|\n");
        counts.properties().forEach(e -> sb.append("| ").append(e.getKey()).append(" | ").append(e.getValue().asInt())
                .append(" |\n"));
    }
}
