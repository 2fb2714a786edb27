package dev.ferret.models.tokenizer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SpecialTokensTest {
    @Test
    void areSpelledAsInQwen25() {
        assertEquals(List.of("<|endoftext|>", "<|im_start|>", "<|im_end|>", "<tool_call>", "</tool_call>"), SpecialTokens.ALL);
        assertEquals(3, SpecialTokens.CONTROL);
        assertEquals(1, SpecialTokens.NORMAL);
    }
}
