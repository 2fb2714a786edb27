package dev.ferret.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferret.engine.chat.ChatFormats;
import dev.ferret.engine.chat.ChatInput;
import dev.ferret.engine.chat.Json;
import dev.ferret.engine.chat.Message;
import dev.ferret.engine.chat.ToolCallFormat;
import dev.ferret.engine.chat.ToolCallParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A random-weight model, held by each family's call grammar, writes a call that the family's parser reads as a
 * valid call to one of the tools: the grammar and the parser agree. And generating after a {@link Prompt} is
 * generating after its token ids.
 */
@Tag("slow")
@Tag("native")
class CallGrammarGenerationTest {
    @Test
    void everyFamilysGrammarYieldsACallItsParserAccepts() {
        // bounded arguments (an enum, a boolean, none), so that a random model's call always ends within the budget
        List<JsonNode> tools = new ArrayList<>();
        for (String json : List.of(
                "{\"type\": \"function\", \"function\": {\"name\": \"pick\", \"description\": \"Pick.\", \"parameters\": {\"type\": \"object\","
                        + " \"properties\": {\"mode\": {\"type\": \"string\", \"enum\": [\"text\", \"lines\"]}, \"flag\": {\"type\": \"boolean\"}},"
                        + " \"required\": [\"mode\"]}}}",
                "{\"type\": \"function\", \"function\": {\"name\": \"ping\", \"description\": \"Ping.\", \"parameters\": {\"type\": \"object\", \"properties\": {}}}}")) {
            tools.add(readJson(json));
        }
        Set<String> names = Set.of("pick", "ping");
        try (Model m = Model.load(TestModels.tinyQ4(), TestModels.small().withContextSize(2048)); Session s = m.newSession()) {
            Prompt p = ChatFormats.forModel(m).render(ChatInput.of(List.of(Message.user("Find the Shop class")), tools, true));
            for (ToolCallFormat f : List.of(ToolCallFormat.HERMES, ToolCallFormat.LLAMA_3_JSON, ToolCallFormat.MISTRAL)) {
                for (int seed : new int[] {1, 2, 3}) {
                    GenerationRequest req = GenerationRequest.greedy(400)
                            .withSampling(SamplingOptions.defaults(seed)).withGrammar(f.callGrammar(tools));
                    Generation g = s.generate(p, req, TokenListener.NONE);
                    assertTrue(g.finishReason() != FinishReason.MAX_TOKENS, f + ": " + g.text());
                    ToolCallParser.Reply r = f.parse(g.text());
                    assertEquals(1, r.calls().size(), f + ": " + g.text());
                    var call = assertInstanceOf(ToolCallParser.Parsed.Valid.class, r.calls().getFirst(), f + ": " + g.text()).call();
                    assertTrue(names.contains(call.name()), call.name());
                }
            }
            int[] ids = m.tokenize(p);
            Generation a = s.generate(p, GenerationRequest.greedy(8), TokenListener.NONE);
            Generation b = s.generate(ids, GenerationRequest.greedy(8), TokenListener.NONE);
            assertArrayEquals(a.tokens(), b.tokens());
        }
    }

    private static JsonNode readJson(String s) {
        try {
            return Json.MAPPER.readTree(s);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
