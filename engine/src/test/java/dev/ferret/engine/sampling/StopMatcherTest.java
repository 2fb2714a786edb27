package dev.ferret.engine.sampling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class StopMatcherTest {
    private static String feed(StopMatcher m, String... pieces) {
        StringBuilder out = new StringBuilder();
        for (String p : pieces) {
            StopMatcher.Step s = m.offer(p);
            out.append(s.emit());
            if (s.stopped()) {
                return out.toString();
            }
        }
        return out.append(m.flush()).toString();
    }

    @Test
    void stopSplitAcrossPiecesIsCutExactly() {
        StopMatcher m = new StopMatcher(List.of("</tool_call>"));
        assertEquals("call {x}\n", feed(m, "call {", "x}\n</to", "ol_", "call>", "never"));
        assertEquals("</tool_call>", m.matched());
    }

    @Test
    void partialStopIsHeldBackUntilItFails() {
        StopMatcher m = new StopMatcher(List.of("STOP"));
        StopMatcher.Step a = m.offer("abcST");
        assertEquals("abc", a.emit());
        StopMatcher.Step b = m.offer("x");
        assertEquals("STx", b.emit());
        assertFalse(b.stopped());
    }

    @Test
    void earliestStopWins() {
        StopMatcher m = new StopMatcher(List.of("bbb", "ab"));
        StopMatcher.Step s = m.offer("xxabbb");
        assertEquals("xx", s.emit());
        assertEquals("ab", s.stop());
    }

    @Test
    void stopInsideOnePiece() {
        StopMatcher m = new StopMatcher(List.of("\n\n"));
        StopMatcher.Step s = m.offer("one\n\ntwo");
        assertTrue(s.stopped());
        assertEquals("one", s.emit());
        assertThrows(IllegalStateException.class, () -> m.offer("more"));
    }

    @Test
    void noStopsPassesEverything() {
        StopMatcher m = new StopMatcher(List.of());
        assertEquals("hello world", feed(m, "hello", " world"));
        assertNull(m.matched());
    }

    @Test
    void heldBackTailIsFlushedAtTheEnd() {
        StopMatcher m = new StopMatcher(List.of("<|im_end|>"));
        assertEquals("done <|im", feed(m, "done ", "<|im"));
    }

    @Test
    void emptyStopRefused() {
        assertThrows(IllegalArgumentException.class, () -> new StopMatcher(List.of("")));
    }

    @Test
    void overlappingPrefixes() {
        StopMatcher m = new StopMatcher(List.of("aab"));
        assertEquals("a", feed(m, "a", "a", "a", "b"));
    }
}
