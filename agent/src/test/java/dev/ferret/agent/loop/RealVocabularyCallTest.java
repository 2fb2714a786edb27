package dev.ferret.agent.loop;

import dev.ferret.agent.prompt.AgentPrompt;
import dev.ferret.agent.tools.ExecutedCall;
import dev.ferret.agent.tools.Sandbox;
import dev.ferret.agent.tools.Toolbox;
import dev.ferret.engine.FinishReason;
import dev.ferret.engine.Generation;
import dev.ferret.engine.GenerationRequest;
import dev.ferret.engine.Model;
import dev.ferret.engine.ModelOptions;
import dev.ferret.engine.SamplingOptions;
import dev.ferret.engine.Session;
import dev.ferret.engine.chat.CallGrammar;
import dev.ferret.engine.chat.ChatTemplate;
import dev.ferret.engine.chat.Message;
import dev.ferret.engine.chat.ToolCallFormat;
import dev.ferret.engine.chat.ToolCallParser;
import dev.ferret.gguf.GgufType;
import dev.ferret.models.ModelGenerator;
import dev.ferret.models.ModelSpec;
import dev.ferret.models.tokenizer.QwenTokenizerFixture;
import dev.ferret.models.tokenizer.TokenizerJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;


/**
 * The agent on a model with the real Qwen2.5 vocabulary (151,936 rows, {@code <tool_call>} a user-defined token,
 * random weights of the tiny preset's width so that decoding is cheap): a whole run ends with an answer and every
 * call it makes parses, and calls sampled under the tool-call grammar parse and name a real tool.
 */
@Tag("native")
class RealVocabularyCallTest {
    @Test
    void theAgentRunsOnTheRealVocabularyAndItsCallsParse(@TempDir Path dir) throws Exception {
        TokenizerJson qwen = TokenizerJson.read(QwenTokenizerFixture.dir().resolve("tokenizer.json")).qwen25();
        Path file = new ModelGenerator(ModelSpec.tiny().withVocabSize(151_936)).importTokenizer(qwen)
                .weightType(GgufType.Q8_0).seed(9).write(dir.resolve("tiny-qwen-vocab.gguf"));
        Path repo = Files.createDirectories(dir.resolve("repo"));
        Files.writeString(repo.resolve("a.py"), "from typing import Protocol\n\nclass A(Protocol):\n    pass\n");
        Toolbox tools = Toolbox.standard(new Sandbox(repo));
        try (Model m = Model.load(file, ModelOptions.defaults().withContextSize(4096).withThreads(1));
             Session s = m.newSession()) {
            assertEquals(151_657, m.specialToken(ChatTemplate.TOOL_CALL_OPEN));
            // a whole run, as `ferret ask --mode agent` makes it: it ends with an answer; any call it made parsed
            long t0 = System.nanoTime();
            AgentResult r = new AgentLoop(s, tools, AgentOptions.defaults()).run("Which classes subclass Protocol?", AgentListener.NONE);
            System.out.printf("agent run: %s after %d steps, %d calls %s, %d tokens, %.1f s%n", r.stopReason(), r.steps(),
                    r.toolCalls().size(), r.toolCalls(), r.tokensGenerated(), (System.nanoTime() - t0) / 1e9);
            assertFalse(r.answer().isBlank());
            for (ExecutedCall c : r.toolCalls()) {
                assertNotEquals(ExecutedCall.Outcome.ERROR, c.outcome(), c.toString());
            }
            // calls sampled freely under the call grammar: every complete one parses and names a real tool
            String prompt = ChatTemplate.render(List.of(Message.system(AgentPrompt.SYSTEM_PROMPT),
                    Message.user("Which classes subclass Protocol?")), AgentPrompt.schemas(tools), true);
            String grammar = CallGrammar.of(ToolCallFormat.HERMES, tools.schemas()).toolCall();
            int parsed = 0;
            for (int seed = 1; seed <= 8; seed++) {
                GenerationRequest req = GenerationRequest.greedy(120).withGrammar(grammar)
                        .withSampling(new SamplingOptions(0.7f, 8, 1f, 0f, 1f, 64, seed))
                        .withStops(List.of(ChatTemplate.TOOL_CALL_CLOSE));
                long t1 = System.nanoTime();
                Generation g = s.generate(prompt, req, null);
                System.out.printf("seed %d: %d tokens, %s, %.1f s%n", seed, g.generatedTokens(), g.finishReason(), (System.nanoTime() - t1) / 1e9);
                assertTrue(g.text().startsWith(ChatTemplate.TOOL_CALL_OPEN), g.text());
                if (g.finishReason() != FinishReason.STOP_STRING) {
                    continue; // ran out of tokens inside a long random string: not a complete call
                }
                ToolCallParser.Reply reply = ToolCallParser.parse(g.text());
                assertEquals(1, reply.calls().size(), g.text());
                var valid = assertInstanceOf(ToolCallParser.Parsed.Valid.class, reply.calls().getFirst(), g.text());
                assertTrue(tools.get(valid.call().name()).isPresent(), valid.call().name());
                parsed++;
            }
            assertTrue(parsed >= 1, "no complete call in 8 samples");
        }
    }
}
