package dev.ferret.lab.track;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferret.agent.AgentRuntime;
import dev.ferret.agent.python.SampleRepo;
import dev.ferret.lab.data.Jsonl;
import java.io.PrintStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * call-eval on the sample repository with the shipped default model: right calls and items against the expected call;
 * and the questions file checked before any model is loaded.
 */
class CallEvalTest {
    @Test
    void countsRightCallsAndTheItemsTheExpectedCallLists(@TempDir Path dir) throws Exception {
        Path shop = SampleRepo.shop();
        Path data = dir.resolve("q.jsonl");
        // the same question twice: once with its right call, once with a call that lists other items
        Files.writeString(data, """
                {"question": "Which classes in this codebase subclass from Protocol?", "tool": "find_classes", "arguments": {"base": "Protocol"}, "codebase": "shop", "kind": "protocol_classes", "held_out_phrasing": true}
                {"question": "Which classes in this codebase subclass from Protocol?", "tool": "find_comments", "arguments": {"tag": "TODO"}, "codebase": "shop", "kind": "comments", "held_out_phrasing": true}
                """);
        Path model = shop.getParent().getParent().resolve("models/default/ferret-call-q8_0.gguf"); // the shipped default
        AgentRuntime.Options base = new AgentRuntime.Options(shop.getParent(), model, java.util.List.of(), null, false,
                AgentRuntime.Mode.AGENT, AgentRuntime.Format.TEMPLATE, 6, 1, AgentRuntime.Prompt.CALL_ONLY);
        CallEval.Report r = CallEval.run(data, shop.getParent(), base, 0, new PrintStream(OutputStream.nullOutputStream()));
        assertEquals(2, r.all().runs());
        assertEquals(0, r.all().unparsable());
        CallEval.Totals protocol = r.perKind().get("protocol_classes");
        assertEquals(1, protocol.rightCalls());
        assertTrue(protocol.truth() >= 10, "the sample repository has a dozen Protocol classes: " + protocol);
        assertEquals(protocol.truth(), protocol.truePositives());
        assertEquals(protocol.truth(), protocol.found());
        CallEval.Totals comments = r.perKind().get("comments");
        assertEquals(0, comments.rightCalls());
        assertEquals(0, comments.truePositives(), "Protocol classes are not TODO comments");
        assertTrue(comments.truth() > 0 && comments.found() > 0, comments.toString());
        assertTrue(CallEval.toMarkdown(r).contains("| Precision | Recall |"));
    }

    /** A line as {@code ferret call-data} writes it, less the fields call-eval does not read. */
    private static String line(String codebase) {
        return "{\"question\": \"Which classes subclass Protocol?\", \"tool\": \"find_classes\", "
                + "\"arguments\": {\"base\": \"Protocol\"}, \"codebase\": \"" + codebase + "\", \"kind\": \"protocol_classes\"}";
    }

    private static String refused(List<JsonNode> questions, Path codebases, int limit) {
        return assertThrows(IllegalArgumentException.class, () -> CallEval.check("q.jsonl", questions, codebases, limit))
                .getMessage();
    }

    @Test
    void questionsAreCheckedBeforeAnyRun() throws Exception {
        Path codebases = SampleRepo.shop().getParent();
        List<JsonNode> ok = List.of(Jsonl.MAPPER.readTree(line("shop")), Jsonl.MAPPER.readTree(line("shop")));
        assertEquals(ok, CallEval.check("q.jsonl", ok, codebases, 0));
        assertEquals(ok.subList(0, 1), CallEval.check("q.jsonl", ok, codebases, 1));
        // nothing to evaluate is not a perfect score
        assertEquals("q.jsonl: no questions in it (only blank lines, or none): nothing to evaluate",
                refused(List.of(), codebases, 0));
        assertEquals("q.jsonl: question 2 is array, not an object",
                refused(List.of(ok.get(0), Jsonl.MAPPER.readTree("[1]")), codebases, 1));
        assertEquals("q.jsonl: question 1 has no \"tool\" text",
                refused(List.of(Jsonl.MAPPER.readTree("{\"question\": \"q\", \"codebase\": \"shop\", \"arguments\": {}}")), codebases, 0));
        assertEquals("q.jsonl: question 1 has no \"question\" text",
                refused(List.of(Jsonl.MAPPER.readTree(line("shop").replace("\"Which classes subclass Protocol?\"", "\" \""))), codebases, 0));
        assertEquals("q.jsonl: question 1 has no \"arguments\" object",
                refused(List.of(Jsonl.MAPPER.readTree(line("shop").replace("{\"base\": \"Protocol\"}", "\"base\""))), codebases, 0));
        assertEquals("q.jsonl: question 1 has codebase '../shop', not a folder name",
                refused(List.of(Jsonl.MAPPER.readTree(line("../shop"))), codebases, 0));
        // every codebase asked is looked for before the first run; one past --limit is not asked
        List<JsonNode> two = List.of(ok.get(0), Jsonl.MAPPER.readTree(line("nowhere")));
        assertEquals(two.subList(0, 1), CallEval.check("q.jsonl", two, codebases, 1));
        assertTrue(refused(two, codebases, 0).startsWith("q.jsonl: no folder in " + codebases + " for the codebase nowhere "),
                refused(two, codebases, 0));
    }

    @Test
    void anEmptyFileIsRefusedNotScored(@TempDir Path dir) throws Exception {
        Path empty = Files.writeString(dir.resolve("empty.jsonl"), "\n\n");
        AgentRuntime.Options base = new AgentRuntime.Options(dir, null, List.of(), null, false, AgentRuntime.Mode.AGENT,
                AgentRuntime.Format.TEMPLATE, 6, 1, AgentRuntime.Prompt.CALL_ONLY);
        var e = assertThrows(IllegalArgumentException.class,
                () -> CallEval.run(empty, dir, base, 0, new PrintStream(OutputStream.nullOutputStream())));
        assertEquals(empty + ": no questions in it (only blank lines, or none): nothing to evaluate", e.getMessage());
    }
}
