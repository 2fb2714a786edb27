package dev.ferret.agent.loop;

import dev.ferret.agent.prompt.AgentPrompt;
import dev.ferret.agent.python.PythonIndex;
import dev.ferret.agent.python.PythonTool;
import dev.ferret.agent.python.PythonTools;
import dev.ferret.agent.tools.ExecutedCall;
import dev.ferret.agent.tools.Sandbox;
import dev.ferret.engine.Model;
import dev.ferret.engine.ModelOptions;
import dev.ferret.engine.Session;
import dev.ferret.gguf.GgufType;
import dev.ferret.llama.GbnfCheck;
import dev.ferret.models.ModelGenerator;
import dev.ferret.models.ModelSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;


/**
 * The call-only agent through llama.cpp on random-weight models: whatever the weights, the one call parses, names a
 * Python tool, runs, and the answer is written from its hits only (it passes {@link Grounding#audit}).
 */
@Tag("native")
class CallOnlyAgentTest {
    static final List<String> QUESTIONS = List.of("Which classes subclass Protocol?", "list async functions",
            "what imports requests", "dataclasses?", "TODO comments please", "Where is class Checkout defined?",
            "methods of Checkout", "anything decorated with @property?");

    @Test
    void everyCallParsesRunsAndTheAnswerComesFromItsHits(@TempDir Path dir) throws Exception {
        Path repo = dir.resolve("repo");
        Files.createDirectories(repo.resolve("pkg"));
        Files.writeString(repo.resolve("pkg/a.py"), """
                from typing import Protocol
                import requests

                class Checkout(Protocol):
                    async def pay(self): ...  # TODO: retry

                    @property
                    def total(self): ...
                """);
        List<PythonTool> tools = PythonTools.create(new PythonIndex(new Sandbox(repo)));
        String system = AgentPrompt.callOnlySystem(tools);
        // each tool once, with its parameters in schema order (the compact form the call-only model reads)
        assertTrue(system.matches("(?s).*find_classes\\(base, [a-z_, ]*decorator, [a-z_, ]*name_pattern, [a-z_, ]*path\\).*"), system);
        assertTrue(system.contains("find_imports(module, path)"), system);
        assertFalse(system.contains("limit"), system);
        int runs = 0;
        for (long seed = 1; seed <= 2; seed++) {
            Path file = dir.resolve("m" + seed + ".gguf");
            new ModelGenerator(ModelSpec.tiny()).weightType(GgufType.Q8_0).seed(seed).write(file);
            try (Model m = Model.load(file, ModelOptions.defaults().withContextSize(4096).withThreads(2));
                 Session s = m.newSession()) {
                CallOnlyAgent agent = new CallOnlyAgent(s, tools);
                for (String q : QUESTIONS) {
                    GbnfCheck.check(agent.grammar(q), "root");
                    AgentResult r = agent.run(q, AgentListener.NONE);
                    assertEquals(1, r.toolCalls().size(), q);
                    ExecutedCall c = r.toolCalls().getFirst();
                    assertNotEquals("?", c.name(), "an unparsable call: " + c.arguments());
                    assertTrue(tools.stream().anyMatch(t -> t.name().equals(c.name())), c.name());
                    assertFalse(c.arguments().equals("{}"), "at least one argument");
                    var args = dev.ferret.engine.chat.Json.MAPPER.readTree(c.arguments());
                    List<String> words = AgentPrompt.callChoices(q);
                    args.fields().forEachRemaining(e -> assertTrue(!e.getValue().isTextual()
                            || words.contains(e.getValue().textValue()), "copied from the question: " + e));
                    assertFalse(r.answer().isBlank());
                    assertEquals(List.of(), Grounding.audit(r.answer(), r.evidence(), q, tools.stream().map(PythonTool::name).toList()),
                            r.answer());
                    runs++;
                }
            }
        }
        assertEquals(2 * QUESTIONS.size(), runs);
    }

    /**
     * With a path check, {@code path} may only be a question word naming a file or folder of the repository; a
     * question naming none leaves no {@code path} in the grammar. Many seeds, so that random weights try them all.
     */
    @Test
    void aPathArgumentIsAlwaysAPathOfTheRepository(@TempDir Path dir) throws Exception {
        Path repo = dir.resolve("repo");
        Files.createDirectories(repo.resolve("pkg"));
        Files.writeString(repo.resolve("pkg/a.py"), "import requests\n\nclass Checkout:\n    pass\n");
        Sandbox sandbox = new Sandbox(repo);
        List<PythonTool> tools = PythonTools.create(new PythonIndex(sandbox));
        java.util.function.Predicate<String> exists = w -> Files.exists(repo.resolve(w).normalize())
                && repo.resolve(w).normalize().startsWith(repo) && !repo.resolve(w).normalize().equals(repo);
        List<String> questions = List.of("what in pkg imports requests", "which classes in src subclass Checkout",
                "classes in pkg/a.py", "imports of requests");
        int withPath = 0;
        for (long seed = 1; seed <= 6; seed++) {
            Path file = dir.resolve("m" + seed + ".gguf");
            new ModelGenerator(ModelSpec.tiny()).weightType(GgufType.Q8_0).seed(seed).write(file);
            try (Model m = Model.load(file, ModelOptions.defaults().withContextSize(4096).withThreads(2));
                 Session s = m.newSession()) {
                CallOnlyAgent agent = new CallOnlyAgent(s, tools).withPaths(exists);
                for (String q : questions) {
                    String grammar = agent.grammar(q);
                    GbnfCheck.check(grammar, "root");
                    AgentResult r = agent.run(q, AgentListener.NONE);
                    var args = dev.ferret.engine.chat.Json.MAPPER.readTree(r.toolCalls().getFirst().arguments());
                    if (args.has("path")) {
                        withPath++;
                        String p = args.get("path").asText();
                        assertTrue(exists.test(p), q + " -> path " + p);
                    }
                    if (!q.contains("pkg")) {
                        assertFalse(args.has("path"), q + " names no path of the repository: " + args);
                    }
                }
            }
        }
        assertTrue(withPath > 0, "no random model wrote a path: the test saw nothing");
    }
}
