package dev.ferret.agent.loop;

import dev.ferret.agent.tools.ExecutedCall;
import dev.ferret.agent.tools.Sandbox;
import dev.ferret.agent.tools.Toolbox;
import dev.ferret.engine.GenerationRequest;
import dev.ferret.engine.Model;
import dev.ferret.engine.ModelOptions;
import dev.ferret.engine.Session;
import dev.ferret.engine.speculative.DraftModelDrafter;
import dev.ferret.engine.speculative.Drafter;
import dev.ferret.engine.speculative.PromptLookupDrafter;
import dev.ferret.gguf.GgufType;
import dev.ferret.models.ModelGenerator;
import dev.ferret.models.ModelSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BiFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;


/**
 * The full agent loop on a real (generated, random-weight) model through llama.cpp. A random model cannot
 * choose tool calls, so each turn's output is scripted with a literal grammar at the sampler: the decoding
 * loop, stop handling, tool-call parsing, tool execution and the guard are all the real ones.
 */
@Tag("native")
class AgentLoopTest {
    static Path modelFile;
    static Model model;
    @TempDir
    static Path repo;

    @BeforeAll
    static void setUp() throws Exception {
        modelFile = Files.createTempDirectory("ferret-agent-test").resolve("tiny.gguf");
        new ModelGenerator(ModelSpec.tiny()).weightType(GgufType.Q8_0).seed(5).write(modelFile);
        model = Model.load(modelFile, ModelOptions.defaults().withContextSize(4096).withThreads(2));
        Files.createDirectories(repo.resolve("pkg"));
        Files.writeString(repo.resolve("pkg/api.py"), """
                from typing import Protocol

                class Client(Protocol):
                    async def fetch(self, url: str) -> bytes: ...

                class Store(Protocol):
                    def get(self, key): ...
                """);
    }

    @AfterAll
    static void tearDown() {
        model.close();
    }

    /** GBNF for exactly this text. */
    static String literal(String text) {
        StringBuilder sb = new StringBuilder("root ::= \"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                default -> sb.append(c);
            }
        }
        return sb.append('"').toString();
    }

    static String call(String json) {
        return "<tool_call>\n" + json + "\n</tool_call>";
    }

    /** Plays the given replies in order; a turn with tool calls banned gets the answer. */
    static BiFunction<Integer, GenerationRequest, GenerationRequest> script(List<String> replies, String answer) {
        return (step, req) -> {
            boolean forced = !req.bannedTokens().isEmpty();
            String text = forced || step >= replies.size() ? answer : replies.get(step);
            return req.withGrammar(literal(text));
        };
    }

    AgentResult run(AgentOptions opts, List<String> replies, String answer) {
        return run(opts, replies, answer, null);
    }

    AgentResult run(AgentOptions opts, List<String> replies, String answer, Drafter drafter) {
        Toolbox tools = Toolbox.standard(new Sandbox(repo));
        try (Session s = model.newSession()) {
            AgentLoop loop = new AgentLoop(s, tools, opts.withConstrainCalls(false)).withShaper(script(replies, answer))
                    .withDrafter(drafter);
            return loop.run("Which classes subclass Protocol?", AgentListener.NONE);
        }
    }

    /**
     * A real drafter, asked for at most {@code cap} tokens a step (keeps the draft model's work small), that also
     * sums the lengths of the proposals it returns over every call.
     */
    static final class Counting implements Drafter {
        final Drafter inner;
        final int cap;
        int proposed;
        int calls;

        Counting(Drafter inner, int cap) {
            this.inner = inner;
            this.cap = cap;
        }

        @Override
        public int[] draft(int[] context, int max) {
            int[] d = inner.draft(context, Math.min(max, cap));
            proposed += d.length;
            calls++;
            return d;
        }

        @Override
        public String name() {
            return inner.name();
        }

        @Override
        public void close() {
            inner.close();
        }
    }

    static final List<String> GREP_THEN_ANSWER = List.of(
            call("{\"name\": \"grep\", \"arguments\": {\"pattern\": \"class .*\\\\(Protocol\\\\)\", \"path\": \".\"}}"));
    static final String ANSWER = "Client (pkg/api.py:3), Store (pkg/api.py:6)";

    @Test
    void withoutADrafterNothingIsDrafted() {
        AgentResult r = run(AgentOptions.defaults(), GREP_THEN_ANSWER, ANSWER);
        assertEquals(0, r.drafted());
        assertEquals(0, r.accepted());
        assertEquals(0.0, r.acceptanceRate());
    }

    @Test
    void draftModelStatisticsAreSummedOverAllTurns() {
        // the target's own file as the draft model: same vocabulary (the scripted grammar may still reject its drafts)
        try (Model draft = Model.load(modelFile, ModelOptions.defaults().withContextSize(4096).withThreads(2));
             Counting d = new Counting(new DraftModelDrafter(draft, model, 4096, 1, 0f), 3)) {
            AgentResult spec = run(AgentOptions.defaults(), GREP_THEN_ANSWER, ANSWER, d);
            assertEquals(ANSWER, spec.answer());
            assertEquals(StopReason.ANSWERED, spec.stopReason());
            assertEquals(2, spec.steps());
            assertTrue(d.calls > spec.steps(), "the drafter is asked at every decoding step, not once a turn: " + d.calls);
            assertTrue(spec.drafted() > 0, "a drafter ran: " + spec);
            assertTrue(spec.accepted() >= 0 && spec.accepted() <= spec.drafted(), spec.drafted() + " drafted, " + spec.accepted() + " accepted");
            assertEquals(d.proposed, spec.drafted(), "every proposal of every turn is counted");
            assertTrue(spec.acceptanceRate() >= 0 && spec.acceptanceRate() <= 1);
        }
    }

    @Test
    void promptLookupStatisticsAreCounted() {
        // the tool-call JSON repeats text of the tool schemas in the prompt, so prompt lookup finds proposals
        try (Counting d = new Counting(new PromptLookupDrafter(1, 4), 4)) {
            AgentResult spec = run(AgentOptions.defaults(), GREP_THEN_ANSWER, ANSWER, d);
            assertEquals(ANSWER, spec.answer());
            assertTrue(spec.drafted() > 0, "prompt lookup proposed something: " + spec);
            assertTrue(spec.accepted() >= 0 && spec.accepted() <= spec.drafted(), spec.drafted() + " drafted, " + spec.accepted() + " accepted");
            assertEquals(d.proposed, spec.drafted());
        }
    }

    @Test
    void callsToolsReadsRealResultsAndAnswers() {
        AgentResult r = run(AgentOptions.defaults(), List.of(
                call("{\"name\": \"grep\", \"arguments\": {\"pattern\": \"class .*\\\\(Protocol\\\\)\", \"path\": \".\"}}")),
                "Client (pkg/api.py:3), Store (pkg/api.py:6)");
        assertEquals(StopReason.ANSWERED, r.stopReason());
        assertEquals("Client (pkg/api.py:3), Store (pkg/api.py:6)", r.answer());
        assertEquals(1, r.toolCalls().size());
        assertEquals(ExecutedCall.Outcome.RAN, r.toolCalls().getFirst().outcome());
        assertTrue(r.toolCalls().getFirst().resultSize() > 20, "grep found the two classes");
        assertTrue(r.autonomous());
        assertEquals(2, r.steps());
        assertTrue(r.promptTokensReused() > 0, "turn 2 reuses the KV cache of turn 1");
    }

    @Test
    void repeatedCallIsNotRunAgain() {
        String grep = call("{\"name\": \"grep\", \"arguments\": {\"pattern\": \"Protocol\"}}");
        AgentResult r = run(AgentOptions.defaults(), List.of(grep, grep), "Client, Store");
        assertEquals(ExecutedCall.Outcome.RAN, r.toolCalls().get(0).outcome());
        assertEquals(ExecutedCall.Outcome.REPEATED, r.toolCalls().get(1).outcome());
        assertEquals("Client, Store", r.answer());
    }

    @Test
    void repeatingForcesTheAnswer() {
        String grep = call("{\"name\": \"grep\", \"arguments\": {\"pattern\": \"Protocol\"}}");
        AgentResult r = run(AgentOptions.defaults(), List.of(grep, grep, grep, grep, grep, grep), "Client, Store");
        assertEquals(StopReason.REPEATED_CALLS, r.stopReason());
        assertEquals(1, r.toolCalls().stream().filter(c -> c.outcome() == ExecutedCall.Outcome.RAN).count());
        assertEquals("Client, Store", r.answer());
    }

    @Test
    void emptyArgumentCallIsRefused() {
        AgentResult r = run(AgentOptions.defaults(), List.of(call("{\"name\": \"run_command\", \"arguments\": {}}")), "none");
        assertEquals(ExecutedCall.Outcome.REFUSED, r.toolCalls().getFirst().outcome());
        assertEquals(StopReason.ANSWERED, r.stopReason());
    }

    @Test
    void budgetForcesAFinalAnswer() {
        List<String> endless = List.of(
                call("{\"name\": \"grep\", \"arguments\": {\"pattern\": \"a\"}}"),
                call("{\"name\": \"grep\", \"arguments\": {\"pattern\": \"b\"}}"),
                call("{\"name\": \"grep\", \"arguments\": {\"pattern\": \"c\"}}"),
                call("{\"name\": \"grep\", \"arguments\": {\"pattern\": \"d\"}}"));
        AgentResult r = run(AgentOptions.defaults().withMaxSteps(3), endless, "Client and Store.");
        assertEquals(StopReason.BUDGET_SPENT, r.stopReason());
        assertEquals(3, r.toolCalls().size());
        assertEquals(4, r.steps(), "three calling turns, then one forced answer");
        assertEquals("Client and Store.", r.answer());
    }

    @Test
    void toolKeyAndMalformedJsonGetErrorResults() {
        AgentResult r = run(AgentOptions.defaults(), List.of(
                call("{\"tool\": \"grep\", \"arguments\": {\"pattern\": \"x\"}}"),
                call("{\"name\": \"grep\", \"arguments\": {\"pattern\": }"),
                call("{\"name\": \"nope\", \"arguments\": {\"a\": \"b\"}}")), "Done.");
        assertEquals(3, r.toolCalls().size());
        for (ExecutedCall c : r.toolCalls()) {
            assertEquals(ExecutedCall.Outcome.ERROR, c.outcome(), c.toString());
        }
        assertEquals(StopReason.TOO_MANY_ERRORS, r.stopReason());
        assertEquals("Done.", r.answer());
    }

    @Test
    void emptyForcedAnswerFallsBackToTheResults() {
        // the model writes nothing at all when forced: the run still ends with an answer built from results
        AgentResult r = run(AgentOptions.defaults().withMaxSteps(1), List.of(
                call("{\"name\": \"grep\", \"arguments\": {\"pattern\": \"class\"}}")), "");
        assertEquals(StopReason.FALLBACK_FROM_RESULTS, r.stopReason());
        assertTrue(r.answer().contains("pkg/api.py"), r.answer());
        assertFalse(r.answer().isBlank());
    }
}
