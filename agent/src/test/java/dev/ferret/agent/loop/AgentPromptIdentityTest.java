package dev.ferret.agent.loop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferret.agent.prompt.AgentPrompt;
import dev.ferret.agent.tools.Sandbox;
import dev.ferret.agent.tools.Toolbox;
import dev.ferret.engine.Model;
import dev.ferret.engine.ModelOptions;
import dev.ferret.engine.chat.CallGrammar;
import dev.ferret.engine.chat.ChatFormat;
import dev.ferret.engine.chat.ChatFormats;
import dev.ferret.engine.chat.ChatInput;
import dev.ferret.engine.chat.ChatTemplate;
import dev.ferret.engine.chat.Json;
import dev.ferret.engine.chat.Message;
import dev.ferret.engine.chat.ToolCall;
import dev.ferret.engine.chat.ToolCallFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent's prompts for the shipped default models are token for token what they were before prompts came from
 * the model's template: the default base carries Ferret's earlier template, which is replaced by Ferret's own, whose
 * rendering equals the Java {@link ChatTemplate}; the segments tokenize to the ids of the whole-string tokenization
 * (a malformed call the model wrote is replayed with its tags as special tokens, as before); the call grammar is the
 * same text. Same ids and same grammar: the same greedy output.
 */
@Tag("native")
class AgentPromptIdentityTest {
    static Path base() {
        Path d = Path.of("..", "models", "default", "ferret-small-base-q4_k.gguf").toAbsolutePath().normalize();
        return Files.isRegularFile(d) ? d : Path.of("models", "default", "ferret-small-base-q4_k.gguf").toAbsolutePath();
    }

    @Test
    void defaultModelPromptsAreUnchanged(@TempDir Path tmp) {
        Toolbox tools = Toolbox.standard(new Sandbox(tmp));
        List<JsonNode> schemas = AgentPrompt.schemas(tools);
        List<Message> conv = new ArrayList<>();
        conv.add(Message.system(AgentPrompt.SYSTEM_PROMPT));
        conv.add(Message.user("Which classes in this codebase subclass from Protocol?"));
        conv.add(Message.assistant("", List.of(ToolCall.of("find_classes", Json.MAPPER.createObjectNode().put("base", "Protocol")))));
        conv.add(Message.tool("Clock (shop/compat.py:15)\nSleeper (shop/compat.py:19)"));
        // a malformed call, replayed as the loop replays it
        conv.add(Message.assistant("<tool_call>\n{\"name\": \"grep\", \"arguments\": {\"pattern\": \n</tool_call>", List.of()));
        conv.add(Message.tool("error: tool call is not valid JSON"));
        try (Model m = Model.load(base(), ModelOptions.defaults().withContextSize(4096))) {
            ChatFormat format = ChatFormats.forModel(m);
            assertTrue(format.description().startsWith("Ferret's own chat template"), format.description());
            assertEquals(ToolCallFormat.HERMES, format.toolCalls());
            for (int n = 2; n <= conv.size(); n++) {
                List<Message> head = conv.subList(0, n);
                ChatInput in = ChatInput.of(head, schemas, true);
                if (n >= 5) {
                    in = in.withMarkupContent(4);
                }
                String before = ChatTemplate.render(head, schemas, true);
                assertEquals(before, format.render(in).text());
                assertArrayEquals(m.tokenize(before, true), m.tokenize(format.render(in)), "turns: " + n);
            }
        }
        assertEquals(CallGrammar.of(ToolCallFormat.HERMES, tools.schemas()).answerOrCall(), ToolCallFormat.HERMES.answerOrCallGrammar(schemas));
    }
}
