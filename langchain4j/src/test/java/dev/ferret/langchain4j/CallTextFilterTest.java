package dev.ferret.langchain4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferret.engine.chat.ToolCallFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class CallTextFilterTest {
    static String stream(CallTextFilter f, List<String> deltas) {
        StringBuilder out = new StringBuilder();
        deltas.forEach(d -> out.append(f.accept(d)));
        return out.toString();
    }

    @Test
    void textBeforeTheOpenerStreamsAndTheCallIsHeld() {
        CallTextFilter f = new CallTextFilter(ToolCallFormat.HERMES, true);
        String out = stream(f, List.of("Let me look", ".\n<tool", "_call>\n{\"name\": \"grep\"", "}\n</tool_call>"));
        assertEquals("Let me look.\n", out);
        assertTrue(f.inCall());
        assertEquals("<tool_call>\n{\"name\": \"grep\"}\n</tool_call>", f.held());
    }

    @Test
    void aTailThatOnlyLooksLikeTheOpenerIsReleasedOnceItDiverges() {
        CallTextFilter f = new CallTextFilter(ToolCallFormat.HERMES, true);
        assertEquals("a ", f.accept("a <to"));
        assertEquals("<tol", f.accept("l"));
        assertEquals(" < 3", f.accept(" < 3"));
        assertFalse(f.inCall());
    }

    @Test
    void withoutToolsEverythingStreams() {
        CallTextFilter f = new CallTextFilter(ToolCallFormat.HERMES, false);
        assertEquals("<tool_call>x", stream(f, List.of("<tool_", "call>x")));
        assertFalse(f.inCall());
    }

    @Test
    void llama3CallsAreAJsonObjectAtTheStart() {
        CallTextFilter call = new CallTextFilter(ToolCallFormat.LLAMA_3_JSON, true);
        assertEquals("", stream(call, List.of(" ", "\n{\"name\"", ": \"x\"}")));
        assertTrue(call.inCall());
        CallTextFilter text = new CallTextFilter(ToolCallFormat.LLAMA_3_JSON, true);
        assertEquals(" The answer {is} here", stream(text, List.of(" ", "The answer", " {is} here")));
        assertFalse(text.inCall());
    }

    @Test
    void mistralOpener() {
        CallTextFilter f = new CallTextFilter(ToolCallFormat.MISTRAL, true);
        assertEquals("ok ", stream(f, List.of("ok [TOOL", "_CALLS][{\"name\": \"a\"}]")));
        assertTrue(f.inCall());
    }
}
