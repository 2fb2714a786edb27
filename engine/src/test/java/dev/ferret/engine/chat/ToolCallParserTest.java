package dev.ferret.engine.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ToolCallParserTest {
    @Test
    void parsesCallsAndContent() {
        var r = ToolCallParser.parse("Let me look.\n<tool_call>\n{\"name\": \"grep\", \"arguments\": {\"pattern\": \"class .*Protocol\"}}\n</tool_call>");
        assertEquals("Let me look.", r.content());
        var v = assertInstanceOf(ToolCallParser.Parsed.Valid.class, r.calls().getFirst());
        assertEquals("grep", v.call().name());
        assertEquals("class .*Protocol", v.call().arguments().get("pattern").textValue());
    }

    @Test
    void unterminatedFinalBlockIsAccepted() {
        var r = ToolCallParser.parse("<tool_call>\n{\"name\": \"find\", \"arguments\": {\"name\": \"*.py\"}}\n");
        assertInstanceOf(ToolCallParser.Parsed.Valid.class, r.calls().getFirst());
    }

    @Test
    void toolKeyInsteadOfName() {
        var r = ToolCallParser.parse("<tool_call>{\"tool\": \"grep\", \"arguments\": {}}</tool_call>");
        var i = assertInstanceOf(ToolCallParser.Parsed.Invalid.class, r.calls().getFirst());
        assertTrue(i.error().contains("\"name\""), i.error());
    }

    @Test
    void malformedJson() {
        var r = ToolCallParser.parse("<tool_call>{\"name\": \"grep\", \"arguments\": {\"pattern\": }</tool_call>");
        var i = assertInstanceOf(ToolCallParser.Parsed.Invalid.class, r.calls().getFirst());
        assertTrue(i.error().startsWith("tool call is not valid JSON"), i.error());
    }

    /** A key given twice is a malformed call, named, not read as its last value (in the call and in string arguments). */
    @Test
    void aKeyGivenTwiceIsRefused() {
        var twice = assertInstanceOf(ToolCallParser.Parsed.Invalid.class, ToolCallParser.parseCall(
                "{\"name\": \"read_file\", \"arguments\": {\"path\": \"a.py\", \"path\": \"b.py\"}}"));
        assertTrue(twice.error().startsWith("tool call is not valid JSON (Duplicate field 'path'"), twice.error());
        assertInstanceOf(ToolCallParser.Parsed.Invalid.class, ToolCallParser.parseCall(
                "{\"name\": \"grep\", \"name\": \"read_file\", \"arguments\": {}}"));
        assertInstanceOf(ToolCallParser.Parsed.Invalid.class, ToolCallParser.parseCall(
                "{\"name\": \"read_file\", \"arguments\": \"{\\\"path\\\": \\\"a.py\\\", \\\"path\\\": \\\"b.py\\\"}\"}"));
        assertInstanceOf(ToolCallParser.Parsed.Valid.class, ToolCallParser.parseCall(
                "{\"name\": \"read_file\", \"arguments\": {\"path\": \"a.py\", \"start\": {\"path\": 1}}}"));
    }

    @Test
    void missingOrBadArguments() {
        assertInstanceOf(ToolCallParser.Parsed.Invalid.class, ToolCallParser.parseCall("{\"name\": \"grep\"}"));
        assertInstanceOf(ToolCallParser.Parsed.Invalid.class, ToolCallParser.parseCall("{\"name\": \"grep\", \"arguments\": [1]}"));
        assertInstanceOf(ToolCallParser.Parsed.Invalid.class, ToolCallParser.parseCall(""));
        assertInstanceOf(ToolCallParser.Parsed.Invalid.class, ToolCallParser.parseCall("[]"));
        assertInstanceOf(ToolCallParser.Parsed.Invalid.class, ToolCallParser.parseCall("{\"name\": 3, \"arguments\": {}}"));
    }

    @Test
    void stringifiedArgumentsAreAccepted() {
        var p = ToolCallParser.parseCall("{\"name\": \"grep\", \"arguments\": \"{\\\"pattern\\\": \\\"x\\\"}\"}");
        var v = assertInstanceOf(ToolCallParser.Parsed.Valid.class, p);
        assertEquals("x", v.call().arguments().get("pattern").textValue());
    }

    @Test
    void plainAnswerHasNoCalls() {
        var r = ToolCallParser.parse("There are 3 protocol classes.");
        assertEquals(0, r.calls().size());
        assertEquals("There are 3 protocol classes.", r.content());
    }

    @Test
    void canonicalKeyIgnoresKeyOrder() throws Exception {
        var a = ToolCall.of("grep", Json.MAPPER.readTree("{\"a\": 1, \"b\": \"x\"}"));
        var b = ToolCall.of("grep", Json.MAPPER.readTree("{\"b\": \"x\", \"a\": 1}"));
        assertEquals(a.canonicalKey(), b.canonicalKey());
        assertEquals("{\"name\": \"grep\", \"arguments\": {\"a\": 1, \"b\": \"x\"}}", a.toJson());
    }
}
