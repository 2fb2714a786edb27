package dev.ferret.engine.chat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ferret.engine.Prompt;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The special-token split and the segment tokenizer, on made-up vocabularies (no model needed). */
class SpecialsTest {
    static final Specials S = Specials.of(List.of(
            new Specials.Token(1, "<|a|>", Specials.ATTR_CONTROL),
            new Specials.Token(2, "<|a|><|b|>", Specials.ATTR_CONTROL),
            new Specials.Token(3, "<u>", Specials.ATTR_USER_DEFINED),
            new Specials.Token(4, "<end>", Specials.ATTR_CONTROL | Specials.ATTR_RSTRIP),
            new Specials.Token(5, "<mask>", Specials.ATTR_CONTROL | Specials.ATTR_LSTRIP),
            new Specials.Token(6, "plain", 4)));

    @Test
    void longestTokensFirstThenLeftToRight() {
        assertEquals(List.of(new Prompt.Special("<|a|><|b|>"), new Prompt.Text(" x "), new Prompt.Special("<|a|>")),
                S.partition("<|a|><|b|> x <|a|>", t -> t).segments());
        assertEquals(List.of(new Prompt.Text("<"), new Prompt.Special("<|a|>"), new Prompt.Text("|>")), S.partition("<<|a|>|>", t -> t).segments());
        // normal tokens are not specials
        assertEquals(List.of(new Prompt.Text("plain")), S.partition("plain", t -> t).segments());
    }

    @Test
    void lstripAndRstripEatWhitespaceAsLlamaCppDoes() {
        assertEquals(List.of(new Prompt.Text("a"), new Prompt.Special("<end>"), new Prompt.Text("b")), S.partition("a<end> \n\tb", t -> t).segments());
        assertEquals(List.of(new Prompt.Text("a"), new Prompt.Special("<mask>"), new Prompt.Text(" b")), S.partition("a \n<mask> b", t -> t).segments());
    }

    @Test
    void textSegmentsTokenizeWithoutSpecialsAndUserDefinedTokensAreBroken() {
        List<String> pieces = new ArrayList<>();
        int[] ids = PromptTokenizer.tokenize(Prompt.builder().special("<|a|>").text("x<u>y<|a|>z").build(), S, t -> {
            pieces.add(t);
            return new int[] {100 + t.length()};
        });
        // "<u>" would still match without special parsing (llama.cpp matches user-defined tokens anyway): cut after '<'
        assertEquals(List.of("x<", "u>y<|a|>z"), pieces);
        assertArrayEquals(new int[] {1, 102, 109}, ids);
        assertThrows(IllegalArgumentException.class, () -> PromptTokenizer.tokenize(Prompt.builder().special("<nope>").build(), S, t -> new int[0]));
    }

    @Test
    void contentGuardKeepsLengthsAndRestores() {
        ContentGuard g = ContentGuard.of(S, "template");
        String content = "a<|a|>b<end>  <u>";
        String guarded = g.guard(content);
        assertEquals(content.length(), guarded.length());
        assertEquals(List.of(new Prompt.Text(content)), S.partition(guarded, g::restore).segments());
        assertEquals(content, g.restore(guarded));
    }
}
