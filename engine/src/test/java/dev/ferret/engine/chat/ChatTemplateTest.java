package dev.ferret.engine.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChatTemplateTest {
    @Test
    void plainChatMl() {
        String s = ChatTemplate.render(List.of(Message.system("S"), Message.user("U"), Message.assistant("A"), Message.user("V")), List.of(), true);
        assertEquals("<|im_start|>system\nS<|im_end|>\n<|im_start|>user\nU<|im_end|>\n<|im_start|>assistant\nA<|im_end|>\n"
                + "<|im_start|>user\nV<|im_end|>\n<|im_start|>assistant\n", s);
    }

    @Test
    void toolsCallsAndResponses() throws Exception {
        JsonNode tool = Json.MAPPER.readTree("{\"type\": \"function\", \"function\": {\"name\": \"grep\", \"description\": \"d\", \"parameters\": {\"type\": \"object\"}}}");
        var call = ToolCall.of("grep", Json.MAPPER.readTree("{\"pattern\": \"x\"}"));
        String s = ChatTemplate.render(List.of(Message.user("Q"), Message.assistant("", List.of(call, call)),
                Message.tool("r1"), Message.tool("r2"), Message.assistant("done")), List.of(tool), false);
        assertTrue(s.startsWith("<|im_start|>system\n" + ChatTemplate.DEFAULT_SYSTEM + "\n\n# Tools\n"), s);
        assertTrue(s.contains("<tools>\n{\"type\": \"function\", \"function\": {\"name\": \"grep\", \"description\": \"d\", \"parameters\": {\"type\": \"object\"}}}\n</tools>"), s);
        assertTrue(s.contains("<|im_start|>assistant\n<tool_call>\n{\"name\": \"grep\", \"arguments\": {\"pattern\": \"x\"}}\n</tool_call>\n<tool_call>\n"), s);
        assertTrue(s.contains("<|im_start|>user\n<tool_response>\nr1\n</tool_response>\n<tool_response>\nr2\n</tool_response><|im_end|>\n"), s);
        assertTrue(s.endsWith("<|im_start|>assistant\ndone<|im_end|>\n"), s);
    }
}
