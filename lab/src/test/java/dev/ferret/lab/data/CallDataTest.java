package dev.ferret.lab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferret.agent.prompt.AgentPrompt;
import dev.ferret.agent.python.PythonTool;
import dev.ferret.agent.python.PythonTools;
import dev.ferret.agent.python.SampleRepo;
import dev.ferret.engine.chat.CallGrammar;
import dev.ferret.engine.chat.ToolCallFormat;
import dev.ferret.engine.chat.ToolCallParser;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The question -> call pairs of the call-only model, on the sample repository. */
class CallDataTest {
    static List<CallDataGenerator.Pair> pairs(Split split, long seed) {
        Codebase c = Codebase.local("shop", split, SampleRepo.shop());
        Repo repo = Repo.open(c.root());
        return CallDataGenerator.generate(c, repo, PythonTools.create(repo.index()), 600, seed);
    }

    @Test
    void everyParameterOfTheLiveToolsIsAskedFor() {
        Repo repo = Repo.open(SampleRepo.shop());
        assertEquals(List.of(), CallDataGenerator.uncovered(PythonTools.create(repo.index())),
                "a Python tool parameter no CallKind asks for: write a kind with phrasings for it");
    }

    @Test
    void pairsAreRealWellFormedCallsCopiedFromTheirQuestions() throws Exception {
        List<CallDataGenerator.Pair> train = pairs(Split.TRAIN, 7);
        assertTrue(train.size() >= 500, "pairs: " + train.size());
        Repo repo = Repo.open(SampleRepo.shop());
        List<PythonTool> tools = PythonTools.create(repo.index());
        Set<String> kinds = new HashSet<>();
        int withHits = 0;
        for (CallDataGenerator.Pair p : train) {
            kinds.add(p.kind().label());
            assertFalse(p.heldOut(), "held-out phrasings stay out of training: " + p.question());
            assertFalse(CallDataGenerator.STANDARD.contains(CallDataGenerator.norm(p.question())), p.question());
            // the completion parses, and the grammar the engine samples under admits exactly it
            var reply = ToolCallParser.parse(p.completion());
            assertTrue(reply.calls().getFirst() instanceof ToolCallParser.Parsed.Valid, p.completion());
            List<String> choices = AgentPrompt.callChoices(p.question());
            for (Iterator<JsonNode> it = p.arguments().elements(); it.hasNext(); ) {
                JsonNode v = it.next();
                assertTrue(!v.isTextual() || choices.contains(v.textValue()), v + " from " + p.question());
            }
            assertTrue(p.completion().length() <= CallGrammar.of(ToolCallFormat.HERMES, AgentPrompt.callOnlySchemas(tools))
                    .nonEmptyArguments().stringChoices(choices).maxCallLength());
            // the recorded hits are what the tool finds
            PythonTool tool = tools.stream().filter(t -> t.name().equals(p.tool())).findFirst().orElseThrow();
            assertEquals(tool.search(p.arguments()).size(), p.hits(), p.question());
            withHits += p.hits() > 0 ? 1 : 0;
        }
        assertEquals(CallDataGenerator.drawn().size(), kinds.size(), "every kind drawn, on the sample repository: " + kinds);
        assertTrue(withHits > train.size() / 2, "most calls find something: " + withHits);
        List<CallDataGenerator.Pair> valid = pairs(Split.VALID, 7);
        assertTrue(valid.stream().anyMatch(CallDataGenerator.Pair::heldOut), "validation measures held-out phrasings");
        assertEquals(train, pairs(Split.TRAIN, 7), "deterministic for a seed");
    }

    @Test
    void anArgumentWordIsMisspeltWhereTheQuestionWritesIt() throws Exception {
        var args = (com.fasterxml.jackson.databind.node.ObjectNode) dev.ferret.engine.chat.Json.MAPPER
                .readTree("{\"module\": \"requests\"}");
        for (int seed = 0; seed < 20; seed++) {
            String[] m = CallDataGenerator.misspellArgument("Which files import requests?", args, new java.util.Random(seed));
            assertEquals("module", m[1]);
            assertFalse(m[2].equals("requests"), m[2]);
            assertTrue(Math.abs(m[2].length() - "requests".length()) <= 1, m[2]);
            assertEquals("Which files import " + m[2] + "?", m[0]);
            assertTrue(AgentPrompt.callChoices(m[0]).contains(m[2]), "the grammar can copy it: " + m[0]);
        }
        assertEquals(null, CallDataGenerator.misspellArgument("Which files import requests_toolbelt?", args,
                new java.util.Random(1)), "no word of the question is the argument");
    }

    @Test
    void aContextClauseNamesSomethingElseAndKeepsTheQuestion() {
        java.util.Random rnd = new java.util.Random(3);
        for (int i = 0; i < 40; i++) {
            String q = CallDataGenerator.withContext("Which files import requests?", rnd, "yaml");
            assertTrue(q.contains("requests") && q.contains("import"), q);
            assertTrue(q.endsWith("?") || q.startsWith("Which") || q.contains("which files"), q);
        }
    }
}
