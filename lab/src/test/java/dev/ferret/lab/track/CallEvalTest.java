package dev.ferret.lab.track;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferret.agent.AgentRuntime;
import dev.ferret.agent.python.SampleRepo;
import java.io.PrintStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** call-eval on the sample repository with the shipped default model: right calls and items against the expected call. */
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
}
