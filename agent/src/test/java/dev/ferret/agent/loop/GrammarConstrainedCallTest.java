package dev.ferret.agent.loop;

import dev.ferret.agent.prompt.AgentPrompt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferret.agent.tools.Sandbox;
import dev.ferret.agent.tools.Toolbox;
import dev.ferret.engine.FinishReason;
import dev.ferret.engine.Generation;
import dev.ferret.engine.GenerationRequest;
import dev.ferret.engine.Model;
import dev.ferret.engine.ModelOptions;
import dev.ferret.engine.SamplingOptions;
import dev.ferret.engine.Session;
import dev.ferret.engine.chat.ChatTemplate;
import dev.ferret.engine.chat.Message;
import dev.ferret.engine.chat.CallGrammar;
import dev.ferret.engine.chat.ToolCallFormat;
import dev.ferret.engine.chat.ToolCallParser;
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

/**
 * The tool-call grammar generated from the schemas, run through llama.cpp's grammar sampler: even a
 * random-weight model sampling freely can only write calls that parse and name a real tool.
 */
@Tag("slow")
@Tag("native")
class GrammarConstrainedCallTest {
    @Test
    void everySampledCallParses(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("tiny.gguf");
        new ModelGenerator(ModelSpec.tiny()).weightType(GgufType.Q8_0).seed(9).write(file);
        Files.writeString(dir.resolve("a.py"), "class A: pass\n");
        Toolbox tools = Toolbox.standard(new Sandbox(dir));
        CallGrammar grammars = CallGrammar.of(ToolCallFormat.HERMES, tools.schemas());
        String grammar = grammars.toolCall();
        GbnfCheck.check(grammar, "root");
        GbnfCheck.check(grammars.answerOrCall(), "root");
        String prompt = ChatTemplate.render(List.of(Message.user("Find all classes")), AgentPrompt.schemas(tools), true);
        int budget = grammars.maxCallLength();
        String either = grammars.answerOrCall();
        try (Model m = Model.load(file, ModelOptions.defaults().withContextSize(8192).withThreads(2)); Session s = m.newSession()) {
            int calls = 0;
            for (int seed = 1; seed <= 16; seed++) {
                // a budget of the grammar's longest call: no sampled call can be cut off (issue 13.2)
                boolean callOnly = seed % 2 == 1;
                GenerationRequest req = GenerationRequest.greedy(budget).withGrammar(callOnly ? grammar : either)
                        .withSampling(new SamplingOptions(0.9f, 0, 1f, 0f, 1f, 64, seed))
                        .withStops(List.of(ChatTemplate.TOOL_CALL_CLOSE));
                Generation g = s.generate(prompt, req, null);
                var reply = ToolCallParser.parse(g.text());
                if (!callOnly && !reply.hasCalls()) {
                    continue; // an answer: it holds no <tool_call>, so nothing in it is read as a call
                }
                assertEquals(FinishReason.STOP_STRING, g.finishReason(), g.text());
                assertEquals(1, reply.calls().size(), g.text());
                var valid = assertInstanceOf(ToolCallParser.Parsed.Valid.class, reply.calls().getFirst(), g.text());
                assertTrue(tools.get(valid.call().name()).isPresent(), valid.call().name());
                calls++;
            }
            assertTrue(calls >= 8, "complete calls: " + calls);
        }
    }
}
