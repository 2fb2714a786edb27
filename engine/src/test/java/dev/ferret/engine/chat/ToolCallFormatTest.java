package dev.ferret.engine.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferret.llama.GbnfCheck;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tool calls per template family: recognised from the template, parsed from the reply, constrained by a grammar. */
class ToolCallFormatTest {
    static List<JsonNode> tools() {
        JsonNode t = Conversations.all().get(4).tools();
        return List.of(t.get(0), t.get(1), t.get(2));
    }

    @Test
    void familiesAreRecognisedFromTheTemplate() {
        assertEquals(ToolCallFormat.HERMES, ToolCallFormat.detect(dev.ferret.models.ModelGenerator.CHAT_TEMPLATE));
        assertEquals(ToolCallFormat.HERMES, ToolCallFormat.detect("...<tool_call>..."));
        assertEquals(ToolCallFormat.LLAMA_3_JSON, ToolCallFormat.detect("{{ '<|start_header_id|>ipython<|end_header_id|>' }}"));
        assertEquals(ToolCallFormat.MISTRAL, ToolCallFormat.detect("{{ '[TOOL_CALLS]' }}"));
        assertEquals(ToolCallFormat.NONE, ToolCallFormat.detect("{{ messages }}"));
        assertEquals(ToolCallFormat.NONE, ToolCallFormat.detect(null));
        // llama.cpp's order: Functionary v3.1 is a Llama 3 template with <function=...> calls, not Llama 3 JSON
        assertEquals(ToolCallFormat.NONE, ToolCallFormat.detect("<|start_header_id|>ipython<|end_header_id|> <function="));
    }

    @Test
    void hermesReplies() {
        ToolCallParser.Reply r = ToolCallFormat.HERMES.parse("Let me look.\n<tool_call>\n{\"name\": \"grep\", \"arguments\": {\"pattern\": \"x\"}}\n</tool_call>");
        assertEquals("Let me look.", r.content());
        ToolCallParser.Parsed.Valid v = assertInstanceOf(ToolCallParser.Parsed.Valid.class, r.calls().getFirst());
        assertEquals("grep", v.call().name());
        assertEquals("{\"pattern\": \"x\"}", Json.dumps(v.call().arguments()));
        assertInstanceOf(ToolCallParser.Parsed.Invalid.class, ToolCallFormat.HERMES.parse("<tool_call>\n{\"name\": ").calls().getFirst());
    }

    @Test
    void llama3Replies() {
        ToolCallParser.Reply r = ToolCallFormat.LLAMA_3_JSON.parse("{\"name\": \"grep\", \"parameters\": {\"pattern\": \"x\", \"path\": \"src\"}}");
        ToolCallParser.Parsed.Valid v = assertInstanceOf(ToolCallParser.Parsed.Valid.class, r.calls().getFirst());
        assertEquals("grep", v.call().name());
        assertEquals("{\"pattern\": \"x\", \"path\": \"src\"}", Json.dumps(v.call().arguments()));
        r = ToolCallFormat.LLAMA_3_JSON.parse("{\"type\": \"function\", \"name\": \"find_classes\", \"parameters\": {}}");
        assertEquals("find_classes", assertInstanceOf(ToolCallParser.Parsed.Valid.class, r.calls().getFirst()).call().name());
        // an answer is text, even with braces inside
        r = ToolCallFormat.LLAMA_3_JSON.parse("The class is Shop {defined in shop.py}.");
        assertTrue(r.calls().isEmpty());
        assertEquals("The class is Shop {defined in shop.py}.", r.content());
        assertInstanceOf(ToolCallParser.Parsed.Invalid.class, ToolCallFormat.LLAMA_3_JSON.parse("{\"name\": \"grep\", \"parame").calls().getFirst());
    }

    @Test
    void mistralReplies() {
        ToolCallParser.Reply r = ToolCallFormat.MISTRAL.parse("[TOOL_CALLS][{\"name\": \"grep\", \"arguments\": {\"pattern\": \"x\"}, \"id\": \"abc123def\"},"
                + " {\"name\": \"find_classes\", \"arguments\": {}, \"id\": \"abc123deg\"}]");
        assertEquals(2, r.calls().size());
        assertEquals("find_classes", assertInstanceOf(ToolCallParser.Parsed.Valid.class, r.calls().get(1)).call().name());
        assertTrue(ToolCallFormat.MISTRAL.parse("No calls here.").calls().isEmpty());
        assertInstanceOf(ToolCallParser.Parsed.Invalid.class, ToolCallFormat.MISTRAL.parse("[TOOL_CALLS][{\"name\"").calls().getFirst());
    }

    @Test
    void unknownFamilyIsPlainTextNeverACrash() {
        ToolCallParser.Reply r = ToolCallFormat.NONE.parse("<function=grep>{\"pattern\": \"x\"}</function>");
        assertTrue(r.calls().isEmpty());
        assertEquals("<function=grep>{\"pattern\": \"x\"}</function>", r.content());
        assertThrows(IllegalStateException.class, () -> ToolCallFormat.NONE.callGrammar(tools()));
    }

    @Test
    void grammarsAreValidGbnfForEveryFamily() {
        for (ToolCallFormat f : List.of(ToolCallFormat.HERMES, ToolCallFormat.LLAMA_3_JSON, ToolCallFormat.MISTRAL)) {
            GbnfCheck.check(f.callGrammar(tools()), "root");
            GbnfCheck.check(f.answerOrCallGrammar(tools()), "root");
            assertTrue(f.callGrammar(tools()).contains(CallGrammar.literal(f.beforeName())), f.name());
        }
        assertTrue(ToolCallFormat.MISTRAL.callGrammar(tools()).contains("[a-zA-Z0-9] [a-zA-Z0-9]"), "nine-character call id");
    }

    @Test
    void toolsWhoseGrammarLlamaCppCannotRunAreTheCallersError() {
        // an object's optional properties chain two levels each; 6,000 of them pass CallGrammar's own limits but not
        // the depth llama.cpp can follow: an IllegalArgumentException (a 400 for the server), not a failed request later
        com.fasterxml.jackson.databind.node.ObjectNode params = Json.MAPPER.createObjectNode().put("type", "object");
        com.fasterxml.jackson.databind.node.ObjectNode props = params.putObject("properties");
        for (int i = 0; i < 6000; i++) {
            props.putObject("p" + i).put("type", "integer");
        }
        com.fasterxml.jackson.databind.node.ObjectNode tool = Json.MAPPER.createObjectNode().put("type", "function");
        tool.putObject("function").put("name", "wide").set("parameters", params);
        for (ToolCallFormat f : List.of(ToolCallFormat.HERMES, ToolCallFormat.MISTRAL)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> f.callGrammar(List.of(tool)));
            assertTrue(e.getMessage().startsWith("the tools' call grammar is past what llama.cpp can run: grammar: rule references nest"),
                    e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> f.answerOrCallGrammar(List.of(tool)));
        }
        props.removeAll();
        for (int i = 0; i < 100; i++) {
            props.putObject("p" + i).put("type", "integer");
        }
        GbnfCheck.check(ToolCallFormat.HERMES.callGrammar(List.of(tool)), "root");
    }
}
