package dev.ferret.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferret.agent.ModelsDir;
import dev.ferret.engine.chat.Json;
import org.junit.jupiter.api.Test;

/** {@code ferret ask} on the sample repository without a model: the hybrid path, its JSON, and what it refuses. */
class AskCommandTest {
    static final String NO_MODELS = "/no/models/here"; // as on an install without the default models

    @Test
    void theHybridPathListsProtocolSubclassesWithTheirPlaces() {
        Cli.Out a = Cli.run("ask", "--repo", Cli.sample().toString(), "Which classes in this codebase subclass from Protocol?");
        assertEquals(0, a.code(), a.stderr());
        assertTrue(a.stdout().startsWith("Found 12 classes"), a.stdout());
        assertTrue(a.stdout().contains("PaymentGateway (shop/ports.py:14)"), a.stdout());
        assertTrue(a.stderr().contains("find_classes"), "progress shows the tool call: " + a.stderr());
    }

    @Test
    void jsonOutputHasEveryField() throws Exception {
        Cli.Out j = Cli.run("ask", "--repo", Cli.sample().toString(), "--json", "Show me all dataclasses");
        assertEquals(0, j.code(), j.stderr());
        var node = Json.MAPPER.readTree(j.stdout());
        assertEquals("hybrid", node.get("mode").asText());
        assertEquals("find_classes", node.get("tool_calls").get(0).get("name").asText());
        for (String k : new String[] {"answer", "tool_calls", "steps", "seconds", "tokens_generated", "autonomous",
                "stop_reason", "status", "items", "scope", "notes"}) {
            assertTrue(node.has(k), k);
        }
        assertTrue(node.get("scope").isNull(), "the whole repository");
        Cli.Out scoped = Cli.run("ask", "--repo", Cli.sample().toString(), "--json", "dataclasses in the models module");
        assertEquals(0, scoped.code(), scoped.stderr());
        assertEquals("shop/models.py", Json.MAPPER.readTree(scoped.stdout()).get("scope").asText());
    }

    @Test
    void anUnknownQuestionWithoutAModelSaysToGiveOne() {
        Cli.Out a = ModelsDir.with(NO_MODELS, () -> Cli.run("ask", "--repo", Cli.sample().toString(), "How does checkout work?"));
        assertEquals(2, a.code());
        assertTrue(a.stderr().contains("--model"), a.stderr());
    }

    @Test
    void anUnknownQuestionInHybridModeIsNoAnswer() {
        Cli.Out h = ModelsDir.with(NO_MODELS, () -> Cli.run("ask", "--repo", Cli.sample().toString(), "--mode", "hybrid",
                "How does checkout work?"));
        assertEquals(ExitCodes.NO_ANSWER, h.code(), "the hybrid path alone has no answer to this: " + h.stderr());
        assertTrue(h.stdout().contains("the full agent loop is needed"), h.stdout());
    }

    @Test
    void aMissingRepositoryIsExit2() {
        assertEquals(2, Cli.run("ask", "--repo", "/no/such/repo", "x").code());
    }
}
