package dev.ferret.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferret.models.ModelCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The models shipped in models/default, through the real engine: the catalog's files are intact, base + LoRA +
 * draft load together in agent mode (the agent loop, no hybrid shortcut), every run ends with an answer, and
 * speculative decoding with the shipped draft changes nothing in greedy output: the same answer and the same tool
 * calls as plain decoding, question by question.
 */
@Tag("slow")
@Tag("native")
class DefaultModelsTest {
    static final List<String> QUESTIONS = List.of(
            "Which classes in this codebase subclass from Protocol?",
            "List TODO comments");
    static String oldModels;
    static Path dir;

    @BeforeAll
    static void point() {
        Path d = Path.of("..", "models", "default").toAbsolutePath().normalize();
        dir = Files.isDirectory(d) ? d : Path.of("models", "default").toAbsolutePath();
        oldModels = ModelsDir.set(dir.toString());
    }

    @AfterAll
    static void restore() {
        ModelsDir.restore(oldModels);
    }

    @Test
    void catalogFilesAreIntact() {
        ModelCatalog c = ModelCatalog.find().orElseThrow();
        assertFalse(c.entries().isEmpty());
        for (ModelCatalog.Entry e : c.entries()) {
            assertNull(c.check(e), e.file());
        }
        assertTrue(c.defaultBase().isPresent() && c.defaultDraft().isPresent() && !c.defaultLoras().isEmpty());
    }

    @Test
    void agentModeWithTheDefaultsMatchesPlainDecoding() {
        ModelCatalog c = ModelCatalog.find().orElseThrow();
        var withDefaults = new AgentRuntime.Options(AgentRuntimeTest.sample(), null, List.of(), null, false,
                AgentRuntime.Mode.AGENT, AgentRuntime.Format.TEMPLATE, 6, 2).withDefaultModel();
        assertEquals(c.defaultDraft().orElseThrow(), withDefaults.draft(), "the default set includes its draft");
        assertEquals(c.defaultLoras(), withDefaults.loras());
        var plain = new AgentRuntime.Options(AgentRuntimeTest.sample(), withDefaults.model(), withDefaults.loras(), null,
                false, AgentRuntime.Mode.AGENT, AgentRuntime.Format.TEMPLATE, 6, 2);
        try (AgentRuntime speculative = new AgentRuntime(withDefaults, AgentRuntime.Progress.SILENT);
             AgentRuntime reference = new AgentRuntime(plain, AgentRuntime.Progress.SILENT)) {
            for (String q : QUESTIONS) {
                Answer a = speculative.ask(q);
                Answer b = reference.ask(q);
                assertEquals(AgentRuntime.Mode.AGENT, a.mode());
                assertNotNull(a.stopReason());
                assertFalse(a.answer().isBlank(), "every run ends with an answer");
                assertEquals(b.answer(), a.answer(), q);
                assertEquals(b.toolCalls().stream().map(x -> x.name() + x.arguments()).toList(),
                        a.toolCalls().stream().map(x -> x.name() + x.arguments()).toList(), q);
            }
        }
    }
}
