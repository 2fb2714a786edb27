package dev.ferret.lab.track;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferret.agent.Answer;
import dev.ferret.models.io.FileKindException;
import dev.ferret.models.io.SpecialFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tracker's tables and JSON: the draft acceptance column per query and per system; its report files are checked
 * before any is written.
 */
class TrackerTest {
    static Tracker.Row row(String mode, StandardQuestion q, Answer.Draft draft) {
        return new Tracker.Row("shop", mode, q, 1.5, Map.of("grep", 2), mode.equals("agent"), 1.0, 0.5, 4, 2, 120,
                "answered", 3, draft, true, 2, 2, List.of());
    }

    static Tracker.Run run(List<Tracker.Row> rows, String draftModel) {
        return new Tracker.Run("t", "2025-01-01T00:00:00", rows, 200_000_000L, 2_500_000L, "base.gguf", Double.NaN,
                "ground truth: test", draftModel);
    }

    static List<String> tableLines(String md, String header) {
        List<String> lines = md.lines().toList();
        int i = lines.indexOf(lines.stream().filter(l -> l.startsWith(header)).findFirst().orElseThrow());
        return lines.subList(i, lines.size()).stream().takeWhile(l -> l.startsWith("|")).toList();
    }

    static List<String> cells(String line) {
        List<String> c = List.of(line.split("\\|", -1));
        return c.subList(1, c.size() - 1).stream().map(String::strip).toList();
    }

    @Test
    void draftAcceptancePerQueryAndPerSystem() throws Exception {
        List<Tracker.Row> rows = List.of(
                row("hybrid", StandardQuestion.PROTOCOL_CLASSES, Answer.Draft.NONE),
                row("agent", StandardQuestion.PROTOCOL_CLASSES, new Answer.Draft("draft-model", 51, 19)),
                row("agent", StandardQuestion.ASYNC_FUNCTIONS, new Answer.Draft("draft-model", 49, 31)),
                row("agent", StandardQuestion.REQUESTS_IMPORTS, new Answer.Draft("draft-model", 0, 0)));
        String md = Tracker.toMarkdown(run(rows, "draft.gguf"));
        assertTrue(md.contains("Draft model: draft.gguf."), md);

        List<String> queries = tableLines(md, "| Repo |");
        assertEquals(List.of("Repo", "Mode", "Query", "Time", "Tool calls", "Right call", "Autonomous", "Precision", "Recall",
                "Items (listed/truth)", "Invented", "Tokens", "Stop", "Draft accepted"), cells(queries.get(0)));
        assertEquals(2 + rows.size(), queries.size());
        List<String> hybrid = cells(queries.get(2));
        assertEquals("hybrid", hybrid.get(1));
        assertEquals("–", hybrid.get(13));
        // the existing columns keep their formats
        assertEquals(List.of("shop", "agent", "Q1 Protocol", "1.500 s", "grep=2", "yes", "yes", "100.0%", "50.0%", "2/4",
                "0", "120", "answered", "19/51 (37%)"), cells(queries.get(3)));
        assertEquals("31/49 (63%)", cells(queries.get(4)).get(13));
        assertEquals("0/0", cells(queries.get(5)).get(13), "a drafter ran but proposed nothing");

        List<String> systems = tableLines(md, "| System |");
        assertEquals("Draft accepted", cells(systems.get(0)).getLast());
        assertEquals(cells(systems.get(0)).size(), cells(systems.get(1)).size());
        List<String> hybridSystem = cells(systems.get(2));
        assertEquals("Ferret shop / hybrid", hybridSystem.getFirst());
        assertEquals("–", hybridSystem.getLast());
        List<String> agentSystem = cells(systems.get(3));
        assertEquals("Ferret shop / agent", agentSystem.getFirst());
        assertEquals("50/100 (50%)", agentSystem.getLast(), "sum accepted over sum drafted");

        List<String> phrasings = tableLines(md, "| Phrasing set |");
        assertEquals(List.of("Phrasing set", "Phrasings (informal)", "Right", "Unknown", "Other intent", "Recall"),
                cells(phrasings.get(0)));
        long files = java.util.stream.Stream.concat(PhrasingSet.FILES.stream(), PhrasingSet.LATER_FILES.stream())
                .filter(f -> PhrasingSet.has(PhrasingSet.MAIN, f)).count();
        assertEquals(2 + files, phrasings.size(), "one row per intent's phrasing file of the main set");
        assertEquals("standard-protocol", cells(phrasings.get(2)).getFirst());

        JsonNode json = Tracker.toJson(run(rows, "draft.gguf"));
        assertTrue(json.get("phrasing_recall").get("standard-imports").asDouble() > 0.5);
        assertEquals("draft.gguf", json.get("draft_model").asText());
        JsonNode total = json.get("draft_acceptance").get("shop / agent");
        assertEquals(100, total.get("drafted").asInt());
        assertEquals(50, total.get("accepted").asInt());
        assertEquals(0.5, total.get("acceptance_rate").asDouble(), 1e-9);
        assertFalse(json.get("draft_acceptance").has("shop / hybrid"));
        assertFalse(json.get("queries").get(0).has("draft"), "hybrid rows have no draft");
        JsonNode q1 = json.get("queries").get(1).get("draft");
        assertEquals("draft-model", q1.get("drafter").asText());
        assertEquals(51, q1.get("drafted").asInt());
        assertEquals(19, q1.get("accepted").asInt());
        assertEquals(19.0 / 51, q1.get("acceptance_rate").asDouble(), 1e-9);
    }

    @Test
    void perModeRightCallsMicroAveragesAndInventedNames() {
        List<Tracker.Row> rows = List.of(
                new Tracker.Row("a", "agent", StandardQuestion.PROTOCOL_CLASSES, 1, Map.of(), true, 1.0, 0.25, 8, 2, 5,
                        "answered", 1, Answer.Draft.NONE, true, 2, 2, List.of()),
                new Tracker.Row("b", "agent", StandardQuestion.PROTOCOL_CLASSES, 1, Map.of(), true, 0.5, 1.0, 2, 4, 5,
                        "answered", 1, Answer.Draft.NONE, false, 2, 4, List.of("Made.up", "Other")),
                new Tracker.Row("a", "hybrid", StandardQuestion.PROTOCOL_CLASSES, 1, Map.of(), false, 1.0, 1.0, 8, 8, 0,
                        "hybrid_plan", 1, Answer.Draft.NONE, true, 8, 8, List.of()));
        String md = Tracker.toMarkdown(run(rows, null));
        List<String> modes = tableLines(md, "| Mode | Runs |");
        // micro: (2 + 2) / (2 + 4) listed, (2 + 2) / (8 + 2) truth; a mean of the rows' ratios would say 75% / 62.5%
        assertEquals(List.of("agent", "2", "1/2 (50%)", "66.7% (4/6)", "40.0% (4/10)", "2"), cells(modes.get(2)));
        assertEquals(List.of("hybrid", "1", "1/1 (100%)", "100.0% (8/8)", "100.0% (8/8)", "0"), cells(modes.get(3)));
        JsonNode json = Tracker.toJson(run(rows, null));
        assertEquals(1, json.get("per_mode").get("agent").get("right_calls").asInt());
        assertEquals(4.0 / 6, json.get("per_mode").get("agent").get("precision_micro").asDouble(), 1e-9);
        assertEquals(2, json.get("queries").get(1).get("invented_names").asInt());
        assertEquals("find_classes {\"base\": \"Protocol\"}", json.get("queries").get(0).get("expected_call").asText());
    }

    @Test
    void rightCallMeansToolAndArgumentsExactly() {
        StandardQuestion q = StandardQuestion.REQUESTS_IMPORTS;
        assertTrue(q.isRightCall("find_imports", "{\"module\":\"requests\"}"));
        assertTrue(q.isRightCall("find_imports", "{\"limit\": 50, \"module\": \"requests\"}"));
        assertFalse(q.isRightCall("find_imports", "{\"module\": \"request\"}"));
        assertFalse(q.isRightCall("find_imports", "{\"module\": \"requests\", \"path\": \"src\"}"));
        assertFalse(q.isRightCall("grep", "{\"module\": \"requests\"}"));
        assertFalse(q.isRightCall("find_imports", "not json"));
        assertTrue(StandardQuestion.ASYNC_FUNCTIONS.isRightCall("find_functions", "{\"async_only\": true}"));
        assertFalse(StandardQuestion.ASYNC_FUNCTIONS.isRightCall("find_functions", "{\"async_only\": false}"));
    }

    @Test
    void withoutADraftEveryRowShowsADash() {
        List<Tracker.Row> rows = List.of(
                row("hybrid", StandardQuestion.PROTOCOL_CLASSES, Answer.Draft.NONE),
                row("agent", StandardQuestion.PROTOCOL_CLASSES, Answer.Draft.NONE));
        String md = Tracker.toMarkdown(run(rows, null));
        assertFalse(md.contains("Draft model:"), md);
        for (String l : tableLines(md, "| Repo |").subList(2, 4)) {
            assertEquals("–", cells(l).getLast(), l);
        }
        for (String l : tableLines(md, "| System |").subList(2, 4)) {
            assertEquals("–", cells(l).getLast(), l);
        }
        JsonNode json = Tracker.toJson(run(rows, null));
        assertFalse(json.has("draft_model"));
        assertFalse(json.has("draft_acceptance"));
        assertFalse(json.get("queries").get(1).has("draft"));
    }

    @Test
    void aReportFileThatIsNotARegularFileIsRefusedBeforeAnyIsWritten(@TempDir Path dir) throws Exception {
        Tracker.Run r = run(List.of(row("hybrid", StandardQuestion.PROTOCOL_CLASSES, Answer.Draft.NONE)), null);
        Path fifo = SpecialFiles.fifo(dir, "run.md");
        // writing the Markdown into the pipe would block until someone reads it
        FileKindException e = assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> assertThrows(FileKindException.class, () -> Tracker.write(r, dir, "run")));
        assertEquals(fifo + ": is a named pipe (FIFO), not a regular file", e.getMessage());
        try (var left = Files.list(dir)) {
            assertEquals(List.of(fifo), left.toList(), "not even the JSON, which comes first, was written");
        }
        Path file = Files.writeString(dir.resolve("results"), "x");
        assertEquals("a regular file", assertThrows(FileKindException.class, () -> Tracker.checkOutputs(file, "run")).kind());
        // a link to a regular file is written through
        Path real = Files.writeString(dir.resolve("real.json"), "old");
        Files.createSymbolicLink(dir.resolve("linked.json"), real.getFileName());
        Tracker.write(r, dir, "linked");
        assertTrue(Files.isSymbolicLink(dir.resolve("linked.json")));
        assertTrue(Files.readString(real).startsWith("{"), "the report went to the file the link points at");
    }
}
