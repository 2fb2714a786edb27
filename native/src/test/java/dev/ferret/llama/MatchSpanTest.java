package dev.ferret.llama;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MatchSpanTest {
    @Test
    void spansThreeConsecutiveWhitespaceAndNonWhitespaceRuns() {
        assertEquals(0, MatchSpan.longest(""));
        assertEquals(5, MatchSpan.longest("xxxxx"));
        assertEquals(3, MatchSpan.longest("a b c d e"));
        assertEquals(1 + 1000 + 2, MatchSpan.longest(" " + "=".repeat(1000) + "\n\n"), "qwen2's ' '?[^\\s\\p{L}\\p{N}]+[\\r\\n]*");
        assertEquals(6, MatchSpan.longest("ab  cd  ef"), "any three consecutive runs");
        assertEquals(12, MatchSpan.longest("a b " + "x".repeat(10) + " c"));
    }

    @Test
    void onlyAsciiWhitespaceEndsARunSoOtherCharactersNeverShortenIt() {
        // llama.cpp counts U+3000 as whitespace: its runs are shorter than these, never longer
        assertEquals(7, MatchSpan.longest("中\u3000中\u00A0😀😀x"));
        assertEquals(3, MatchSpan.longest("\t\u000B\f"));
        assertEquals(1_000_000, MatchSpan.longest("😀".repeat(1_000_000)), "code points, not chars");
    }
}
