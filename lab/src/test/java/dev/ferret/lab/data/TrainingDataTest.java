package dev.ferret.lab.data;

import dev.ferret.agent.prompt.AgentPrompt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferret.agent.python.SampleRepo;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the generator end to end, as its command line does, on two small codebases: a copy of {@code examples/shop}
 * (train) and a generated "bulk" repository with many similar definitions (valid, for summarized answers), then checks
 * the written files line by line, independently of {@link DatasetCheck} where it matters: layout, real results
 * (replayed now with fresh tools), no placeholders, answers only from the outputs, splits disjoint.
 */
class TrainingDataTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern FILE_LINE = Pattern.compile("([\\w./-]+\\.py):(\\d+)");

    @TempDir
    static Path tmp;
    static Path cache;
    static Path out;
    static List<Codebase> codebases;
    static String log;
    static int status;

    @BeforeAll
    static void generate() throws Exception {
        cache = tmp.resolve("codebases");
        copy(SampleRepo.shop(), cache.resolve("shop"));
        bulk(cache.resolve("bulk"));
        Path manifest = tmp.resolve("manifest.tsv");
        Files.writeString(manifest, """
                # name\tpackage\tversion\tfolders\tsplit
                shop\tshop\t1\tshop\ttrain
                bulk\tbulk\t1\tbulk\tvalid
                """);
        out = tmp.resolve("out");
        var o = new TrainingDataGenerator.Options(List.of(manifest), cache, out, null, 7, 70, 40, Set.of(), true, false);
        codebases = Manifest.readAll(o.manifests(), cache);
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        status = TrainingDataGenerator.run(o, new PrintStream(buf, true, StandardCharsets.UTF_8));
        log = buf.toString(StandardCharsets.UTF_8);
    }

    /** A repository with 30 handler subclasses, 24 TODO comments, 22 async functions and a few dataclasses. */
    static void bulk(Path root) throws IOException {
        Path pkg = Files.createDirectories(root.resolve("bulk"));
        Files.writeString(pkg.resolve("__init__.py"), "");
        StringBuilder h = new StringBuilder("import asyncio\nfrom dataclasses import dataclass\n\n\nclass Handler:\n"
                + "    pass\n");
        for (int i = 0; i < 30; i++) {
            h.append("\n\nclass Handler").append(i).append("(Handler):\n    # TODO: handler ").append(i)
                    .append(" needs tests\n    async def handle_").append(i).append("(self, event):\n")
                    .append("        await asyncio.sleep(0)\n");
        }
        for (int i = 0; i < 3; i++) {
            h.append("\n\n@dataclass\nclass Event").append(i).append(":\n    name: str = \"e").append(i).append("\"\n");
        }
        Files.writeString(pkg.resolve("handlers.py"), h.toString());
        Files.writeString(pkg.resolve("util.py"), "import os\nimport json\n\n\ndef load_config(path):\n"
                + "    \"\"\"TODO in a docstring is not a comment.\"\"\"\n    with open(path) as f:\n"
                + "        return json.load(f)\n\n\nasync def refresh_cache():\n    return os.getcwd()\n");
    }

    static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
    }

    static List<JsonNode> lines(Split s) throws IOException {
        return Jsonl.read(out.resolve(s.fileName()));
    }

    static List<JsonNode> metas(Split s) throws IOException {
        return Jsonl.read(out.resolve(s.metaFileName()));
    }

    static Path rootOf(String codebase) {
        return cache.resolve(codebase);
    }

    @Test
    void runsVerifiesAndWritesEveryFile() throws IOException {
        assertEquals(0, status, log);
        assertTrue(log.contains("verify: ") && log.contains(": OK"), log);
        for (Split s : Split.values()) {
            assertTrue(Files.exists(out.resolve(s.fileName())), s.fileName());
            assertEquals(lines(s).size(), metas(s).size(), s.metaFileName());
        }
        assertEquals(70, lines(Split.TRAIN).size(), log);
        assertEquals(40, lines(Split.VALID).size(), log);
        assertEquals(0, lines(Split.TEST).size());
        JsonNode stats = JSON.readTree(out.resolve("stats.json").toFile());
        assertEquals(110, stats.path("examples").asInt());
        int perTask = 0;
        for (JsonNode t : stats.path("tasks")) {
            perTask += t.path("total").asInt();
        }
        assertEquals(110, perTask);
        assertTrue(stats.path("tokens").path("total").asLong() > 110L * stats.path("system_and_tools_tokens_per_example").asInt());
        assertTrue(stats.path("verification").path("ok").asBoolean());
        assertTrue(Files.readString(out.resolve("stats.md")).contains("| train | train.jsonl | 70 |"));
    }

    @Test
    void everyLineIsMlxChatWithRolesInOrder() throws IOException {
        Set<String> toolNames = new HashSet<>(Repo.open(rootOf("shop")).toolbox().names());
        for (Split s : Split.values()) {
            for (JsonNode line : lines(s)) {
                assertEquals(Set.of("messages", "tools"), names(line));
                assertEquals(toolNames.size(), line.path("tools").size());
                for (JsonNode t : line.path("tools")) {
                    assertEquals("function", t.path("type").asText());
                    assertTrue(toolNames.contains(t.path("function").path("name").asText()));
                    assertTrue(t.path("function").path("parameters").isObject());
                }
                JsonNode ms = line.path("messages");
                assertEquals("system", ms.get(0).path("role").asText());
                assertEquals(AgentPrompt.SYSTEM_PROMPT, ms.get(0).path("content").asText());
                assertEquals("user", ms.get(1).path("role").asText());
                assertFalse(ms.get(1).path("content").asText().isBlank());
                int i = 2;
                while (i < ms.size() - 1) {
                    JsonNode a = ms.get(i);
                    assertEquals("assistant", a.path("role").asText(), line.toString());
                    JsonNode calls = a.path("tool_calls");
                    assertEquals(1, calls.size(), "one call per turn, as the system prompt asks");
                    JsonNode call = calls.get(0);
                    assertEquals("function", call.path("type").asText());
                    assertFalse(call.has("tool") || call.path("function").has("tool"), "calls are keyed by name");
                    assertTrue(toolNames.contains(call.path("function").path("name").asText()));
                    assertTrue(call.path("function").path("arguments").isObject());
                    JsonNode result = ms.get(i + 1);
                    assertEquals("tool", result.path("role").asText(), "every call is followed by its result");
                    assertTrue(result.path("content").isTextual());
                    i += 2;
                }
                assertEquals(ms.size() - 1, i);
                JsonNode answer = ms.get(ms.size() - 1);
                assertEquals("assistant", answer.path("role").asText());
                assertFalse(answer.has("tool_calls"));
                assertFalse(answer.path("content").asText().isBlank());
                assertTrue(DatasetCheck.format(line, toolNames).isEmpty());
            }
        }
    }

    @Test
    void everyRecordedResultIsWhatTheToolReturnsNow() throws IOException {
        Map<String, Repo> fresh = new HashMap<>();
        int replayed = 0;
        for (Split s : Split.values()) {
            List<JsonNode> ls = lines(s);
            List<JsonNode> ms = metas(s);
            for (int i = 0; i < ls.size(); i++) {
                Repo repo = fresh.computeIfAbsent(ms.get(i).path("codebase").asText(), c -> Repo.open(rootOf(c)));
                for (Example.Call c : Example.calls(ls.get(i).path("messages"))) {
                    assertEquals(repo.call(c.tool(), c.arguments()).content(), c.result(),
                            ms.get(i).path("id").asText() + " " + c.tool() + " " + c.arguments());
                    replayed++;
                }
            }
        }
        assertTrue(replayed > 110, "replayed " + replayed);
    }

    @Test
    void noToolResultIsAPlaceholder() throws IOException {
        for (Split s : Split.values()) {
            for (JsonNode line : lines(s)) {
                for (Example.Call c : Example.calls(line.path("messages"))) {
                    String r = c.result().strip();
                    assertFalse(r.isEmpty(), "empty result of " + c.tool());
                    assertFalse(r.contains("[Tool execution completed]") || r.contains("TODO: result")
                            || r.equals("...") || r.equalsIgnoreCase("<placeholder>"), r);
                }
                assertTrue(DatasetCheck.placeholders(Example.calls(line.path("messages"))).isEmpty());
            }
        }
    }

    @Test
    void answersListOnlyWhatTheOutputsShow() throws IOException {
        int items = 0;
        for (Split s : Split.values()) {
            for (JsonNode line : lines(s)) {
                JsonNode ms = line.path("messages");
                String answer = ms.get(ms.size() - 1).path("content").asText();
                List<Example.Call> calls = Example.calls(ms);
                StringBuilder outputs = new StringBuilder();
                calls.forEach(c -> outputs.append(c.result()).append('\n'));
                for (String l : answer.split("\n")) {
                    if (!l.startsWith("- ")) {
                        continue;
                    }
                    Matcher m = FILE_LINE.matcher(l);
                    if (m.find()) {
                        String at = m.group(1) + ":" + m.group(2);
                        assertTrue(outputs.indexOf(at + ":") >= 0 || outputs.indexOf(m.group(1) + "-" + m.group(2) + "-") >= 0,
                                "'" + l + "' is not in the outputs of " + line);
                    } else {
                        String path = l.substring(2);
                        assertTrue(outputs.toString().lines().anyMatch(o -> o.equals(path) || o.equals("./" + path)),
                                "'" + l + "' is not in the outputs");
                    }
                    items++;
                }
                assertEquals(List.of(), DatasetCheck.answer(answer, calls), line.toString());
            }
        }
        assertTrue(items > 100, "items " + items);
    }

    @Test
    void coversEmptyLargeAndMultiStepConversations() throws IOException {
        List<JsonNode> all = new ArrayList<>();
        List<JsonNode> allMeta = new ArrayList<>();
        for (Split s : Split.values()) {
            all.addAll(lines(s));
            allMeta.addAll(metas(s));
        }
        int none = 0;
        int summarized = 0;
        int multi = 0;
        Set<String> tasks = new HashSet<>();
        Set<String> tools = new HashSet<>();
        for (int i = 0; i < all.size(); i++) {
            JsonNode ms = all.get(i).path("messages");
            String answer = ms.get(ms.size() - 1).path("content").asText();
            List<Example.Call> calls = Example.calls(ms);
            if (answer.startsWith("No ")) {
                none++;
                assertTrue(calls.getLast().result().startsWith("no "), "none found follows an empty result: " + ms);
            }
            Matcher more = Pattern.compile("\\n\\.\\.\\. and (\\d+) more$").matcher(answer);
            if (more.find()) {
                summarized++;
                Matcher found = Pattern.compile("^Found (\\d+) ").matcher(answer);
                assertTrue(found.find());
                long listed = answer.lines().filter(l -> l.startsWith("- ")).count();
                assertEquals(Integer.parseInt(found.group(1)), listed + Integer.parseInt(more.group(1)));
                assertEquals(CodebaseGenerator.SUMMARY_SHOWN, listed);
            }
            if (calls.size() > 1) {
                multi++;
            }
            tasks.add(allMeta.get(i).path("task").asText());
            calls.forEach(c -> tools.add(c.tool()));
        }
        assertTrue(none > 0, "no empty-result answers");
        assertTrue(summarized > 0, "no summarized answers");
        assertTrue(multi > 10, "multi-step conversations: " + multi);
        assertTrue(tasks.size() >= 9, "tasks " + tasks);
        assertTrue(tools.containsAll(List.of("find_classes", "find_functions", "find_imports", "find_comments", "grep",
                "read_file")), "tools " + tools);
        long python = all.stream().flatMap(l -> Example.calls(l.path("messages")).stream())
                .filter(c -> c.tool().startsWith("find_")).count();
        long calls = all.stream().mapToLong(l -> Example.calls(l.path("messages")).size()).sum();
        assertTrue(python * 2 > calls, "the Python-aware tools make most calls: " + python + " of " + calls);
    }

    @Test
    void splitsAreDisjointByCodebase() throws IOException {
        Map<String, Set<Split>> where = new HashMap<>();
        for (Split s : Split.values()) {
            for (JsonNode m : metas(s)) {
                where.computeIfAbsent(m.path("codebase").asText(), k -> new HashSet<>()).add(s);
                assertEquals(s.word(), m.path("split").asText());
            }
        }
        assertEquals(Map.of("shop", Set.of(Split.TRAIN), "bulk", Set.of(Split.VALID)), where);
    }

    @Test
    void verifyCatchesAChangedResultAndAPlaceholder() throws IOException {
        Path bad = tmp.resolve("tampered");
        Files.createDirectories(bad);
        for (Split s : Split.values()) {
            Files.copy(out.resolve(s.fileName()), bad.resolve(s.fileName()));
            Files.copy(out.resolve(s.metaFileName()), bad.resolve(s.metaFileName()));
        }
        List<JsonNode> train = lines(Split.TRAIN);
        ObjectNode first = (ObjectNode) train.get(0).deepCopy();
        ((ObjectNode) first.path("messages").get(3)).put("content", "[Tool execution completed]");
        ObjectNode second = (ObjectNode) train.get(1).deepCopy();
        ObjectNode result = (ObjectNode) second.path("messages").get(3);
        result.put("content", result.path("content").asText() + "\nshop/extra.py:1: class Invented");
        List<JsonNode> changed = new ArrayList<>(train);
        changed.set(0, first);
        changed.set(1, second);
        Jsonl.write(bad.resolve(Split.TRAIN.fileName()), changed);
        TrainingDataGenerator.Verification v = TrainingDataGenerator.verify(bad, codebases, null);
        assertFalse(v.ok());
        assertEquals(1, v.placeholderResults(), v.toString());
        assertEquals(2, v.replayMismatches(), v.toString());
        assertTrue(TrainingDataGenerator.verify(out, codebases, null).ok());
    }

    @Test
    void sameSeedSameData() throws Exception {
        Codebase shop = Codebase.local("shop", Split.TRAIN, rootOf("shop"));
        List<String> a = TrainingDataGenerator.generate(shop, 25, 11).stream().map(e -> Jsonl.line(e.messages())).toList();
        List<String> b = TrainingDataGenerator.generate(shop, 25, 11).stream().map(e -> Jsonl.line(e.messages())).toList();
        List<String> c = TrainingDataGenerator.generate(shop, 25, 12).stream().map(e -> Jsonl.line(e.messages())).toList();
        assertEquals(a, b);
        assertNotEquals(a, c);
    }

    private static Set<String> names(JsonNode o) {
        Set<String> s = new HashSet<>();
        o.fieldNames().forEachRemaining(s::add);
        return s;
    }
}
