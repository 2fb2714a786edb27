package dev.ferret.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferret.agent.prompt.AgentPrompt;
import dev.ferret.agent.python.PythonTools;
import dev.ferret.agent.tools.Sandbox;
import dev.ferret.models.ModelCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The models shipped in models/default, through the real engine. The catalog's files are intact. The default set is
 * the call-only model: the system turn it was trained with is the one today's Python tools give (a tool or parameter
 * added since would show it a prompt it never saw: retrain it, `training/README.md`), and in agent mode it makes
 * the standard questions' calls on {@code examples/shop}. The full set (base + LoRA + draft, {@code --prompt full})
 * runs the agent loop, and speculative decoding with its draft changes nothing in greedy output: the same answer and
 * the same tool calls as plain decoding, question by question.
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
        ModelCatalog.ModelSet d = c.set("default").orElseThrow();
        assertTrue(d.base().isPresent() && d.system().isPresent());
        assertEquals("call-only", d.prompt().orElseThrow());
        ModelCatalog.ModelSet full = c.set("full").orElseThrow();
        assertTrue(full.base().isPresent() && full.draft().isPresent() && !full.loras().isEmpty());
    }

    /**
     * The call-only default model sees the system turn it was trained on (the catalog's), and its grammar offers
     * only the tools and parameters that turn names, however many parameters the tools have gained since. Every one
     * of them must still exist: a tool or parameter removed or renamed means its data must be regenerated and the
     * model retrained.
     */
    @Test
    void theDefaultModelSeesTheToolsItWasTrainedOn() {
        ModelCatalog c = ModelCatalog.find().orElseThrow();
        String trained = c.set("default").orElseThrow().system().orElseThrow();
        var tools = PythonTools.create(new Sandbox(AgentRuntimeTest.sample()));
        var known = AgentPrompt.toolSignature(trained);
        var schemas = AgentPrompt.callOnlySchemas(tools, known);
        assertEquals(known.keySet().size(), schemas.size());
        for (var schema : schemas) {
            String name = schema.path("function").path("name").asText();
            List<String> offered = new java.util.ArrayList<>();
            schema.path("function").path("parameters").path("properties").fieldNames().forEachRemaining(offered::add);
            assertEquals(known.get(name), offered, name + ": the grammar offers exactly the trained parameters");
        }
        var agent = new dev.ferret.agent.loop.CallOnlyAgent(null, tools).withTrainedSystem(trained);
        assertEquals(trained, agent.system());
        // and the runtime of `ferret ask` without --model hands the shipped model exactly that turn
        var opts = new AgentRuntime.Options(AgentRuntimeTest.sample(), null, List.of(), null, false,
                AgentRuntime.Mode.AGENT, AgentRuntime.Format.TEMPLATE, 6, 1).withDefaultModel();
        try (AgentRuntime rt = new AgentRuntime(opts, AgentRuntime.Progress.SILENT)) {
            assertEquals(trained, rt.trainedSystem());
        }
    }

    @Test
    void theDefaultModelMakesTheStandardCalls() {
        var opts = new AgentRuntime.Options(AgentRuntimeTest.sample(), null, List.of(), null, false,
                AgentRuntime.Mode.AGENT, AgentRuntime.Format.TEMPLATE, 6, 2).withDefaultModel();
        assertEquals(AgentRuntime.Prompt.CALL_ONLY, opts.prompt());
        List<List<String>> expected = List.of(
                List.of("Which classes in this codebase subclass from Protocol?", "find_classes", "{\"base\":\"Protocol\"}"),
                List.of("Find all async functions", "find_functions", "{\"async_only\":true}"),
                List.of("What files import the requests library?", "find_imports", "{\"module\":\"requests\"}"),
                List.of("Show me all dataclasses", "find_classes", "{\"decorator\":\"dataclass\"}"),
                List.of("List TODO comments", "find_comments", "{\"tag\":\"TODO\"}"));
        try (AgentRuntime rt = new AgentRuntime(opts, AgentRuntime.Progress.SILENT)) {
            for (List<String> e : expected) {
                Answer a = rt.ask(e.get(0));
                assertEquals(AgentRuntime.Mode.AGENT, a.mode());
                assertEquals(1, a.toolCalls().size(), e.get(0));
                var call = a.toolCalls().getFirst();
                assertEquals(e.get(1) + " " + e.get(2), call.name() + " " + call.arguments().replace(" ", ""), e.get(0));
                assertFalse(a.answer().isBlank());
            }
        }
    }

    /**
     * In auto mode a question the hybrid path does not know goes to the call-only model, which can only run one
     * search: its answer starts by saying which search ran, and, for a question asking for an explanation, an opinion
     * or a change, or for what no search shows ("never called"), that such a question needs a real model. Known
     * questions are the hybrid path's, with no such line.
     */
    @Test
    void theCallOnlyModelSaysWhatItsSearchWasForAQuestionTheHybridPathDoesNotKnow() {
        var opts = new AgentRuntime.Options(AgentRuntimeTest.sample(), null, List.of(), null, false,
                AgentRuntime.Mode.AUTO, AgentRuntime.Format.TEMPLATE, 6, 2).withDefaultModel();
        try (AgentRuntime rt = new AgentRuntime(opts, AgentRuntime.Progress.SILENT)) {
            Answer explain = rt.ask("explain how the checkout flow works");
            assertEquals(AgentRuntime.Mode.AGENT, explain.mode());
            assertEquals(1, explain.toolCalls().size());
            var call = explain.toolCalls().getFirst();
            assertTrue(explain.answer().startsWith("This question asks for an explanation, an opinion or a change, which "
                    + "the default model cannot give: it only runs a search (here " + call.name() + " " + call.arguments()
                    + ")."), explain.answer());
            Answer other = rt.ask("which functions use global statements?");
            assertEquals(AgentRuntime.Mode.AGENT, other.mode());
            assertTrue(other.answer().startsWith("Not one of the questions the hybrid path knows; the default model read "
                    + "it as the search " + other.toolCalls().getFirst().name()), other.answer());
            Answer never = rt.ask("which functions are never called?");
            assertEquals(AgentRuntime.Mode.AGENT, never.mode());
            assertTrue(never.answer().startsWith("This question asks for what no search of the Python source shows (a "
                    + "negation, a ranking, runtime behaviour, history or another language), which the default model "
                    + "cannot give: it only runs a search (here " + never.toolCalls().getFirst().name()), never.answer());
            Answer known = rt.ask("List TODO comments");
            assertEquals(AgentRuntime.Mode.HYBRID, known.mode());
            assertTrue(known.answer().startsWith("Found "), known.answer());
        }
    }

    @Test
    void theFullSetWithItsDraftMatchesPlainDecoding() {
        ModelCatalog c = ModelCatalog.find().orElseThrow();
        ModelCatalog.ModelSet full = c.set("full").orElseThrow();
        var withDefaults = new AgentRuntime.Options(AgentRuntimeTest.sample(), null, List.of(), null, false,
                AgentRuntime.Mode.AGENT, AgentRuntime.Format.TEMPLATE, 6, 2, AgentRuntime.Prompt.FULL).withDefaultModel();
        assertEquals(full.base().orElseThrow(), withDefaults.model(), "--prompt full takes the full set");
        assertEquals(full.draft().orElseThrow(), withDefaults.draft(), "the set includes its draft");
        assertEquals(full.loras(), withDefaults.loras());
        var plain = new AgentRuntime.Options(AgentRuntimeTest.sample(), withDefaults.model(), withDefaults.loras(), null,
                false, AgentRuntime.Mode.AGENT, AgentRuntime.Format.TEMPLATE, 6, 2, AgentRuntime.Prompt.FULL);
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
