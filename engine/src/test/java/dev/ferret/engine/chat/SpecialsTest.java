package dev.ferret.engine.chat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferret.engine.Prompt;
import java.util.ArrayList;
import java.util.LinkedList;
import java.util.List;
import java.util.ListIterator;
import java.util.Random;
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

    /** Random texts made of token texts, pieces of them, whitespace and letters. */
    static List<String> randomTexts(int count, long seed) {
        String[] pieces = {"<|a|>", "<|a|><|b|>", "<|b|>", "<u>", "<end>", "<mask>", " ", "\n", "\t", "x", "<", "|>", "u>", "plain", "<|a"};
        Random rnd = new Random(seed);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            StringBuilder sb = new StringBuilder();
            for (int k = rnd.nextInt(40); k > 0; k--) {
                sb.append(pieces[rnd.nextInt(pieces.length)]);
            }
            out.add(sb.toString());
        }
        return out;
    }

    @Test
    void partitionMatchesTheStraightforwardSplitOnRandomTexts() {
        for (String text : randomTexts(3000, 11)) {
            assertEquals(referencePartition(S, text), S.partition(text, t -> t).segments(), text);
        }
    }

    @Test
    void partitionOfManyMessagesSplitsEveryOne() {
        // 50,000 turns: each token's text is searched once over the whole text, not once per fragment
        String turn = "<|a|>user\nx<end><|a|><|b|>y";
        List<Prompt.Segment> segments = S.partition(turn.repeat(50_000), t -> t).segments();
        assertEquals(50_000 * S.partition(turn, t -> t).segments().size(), segments.size());
    }

    @Test
    void pieceCutsMatchTheStraightforwardCutsOnRandomTexts() {
        List<Specials.Token> userDefined = S.tokens().stream().filter(Specials.Token::matchedInPlainText).toList();
        for (String text : randomTexts(3000, 12)) {
            List<String> pieces = new ArrayList<>();
            PromptTokenizer.tokenize(Prompt.builder().text(text).build(), S, t -> {
                pieces.add(t);
                return new int[] {7};
            });
            List<String> expected = new ArrayList<>();
            for (String rest = text; !rest.isEmpty(); ) {
                int cut = -1;
                for (Specials.Token t : userDefined) {
                    int i = rest.indexOf(t.text());
                    if (i >= 0 && (cut < 0 || i < cut)) {
                        cut = i;
                    }
                }
                cut = cut < 0 ? rest.length() : cut + 1;
                expected.add(rest.substring(0, cut));
                rest = rest.substring(cut);
            }
            assertEquals(expected, pieces, text);
        }
    }

    @Test
    void tokenizingStopsOnceThePromptIsOverTheLimit() {
        Prompt.Builder b = Prompt.builder();
        for (int i = 0; i < 10_000; i++) {
            b.special("<|a|>").text("m" + i);
        }
        Prompt p = b.build();
        int[] calls = {0};
        int[] all = PromptTokenizer.tokenize(p, S, t -> {
            calls[0]++;
            return new int[] {9, 9};
        });
        assertEquals(30_000, all.length);
        assertEquals(10_000, calls[0]);

        calls[0] = 0;
        int[] some = PromptTokenizer.tokenize(p, S, t -> {
            calls[0]++;
            return new int[] {9, 9};
        }, 100);
        assertEquals(101, some.length, "more than the limit: its first limit + 1 tokens");
        assertArrayEquals(java.util.Arrays.copyOf(all, 101), some);
        assertTrue(calls[0] <= 34, "text stops being tokenized past the limit, called " + calls[0] + " times");

        assertArrayEquals(all, PromptTokenizer.tokenize(p, S, t -> new int[] {9, 9}, 30_000), "exactly at the limit: every token");
        assertEquals(30_000, PromptTokenizer.tokenize(p, S, t -> new int[] {9, 9}, 29_999).length);
        assertThrows(IllegalArgumentException.class, () -> PromptTokenizer.tokenize(p, S, t -> new int[0], -1));
    }

    @Test
    void contentGuardTakesTheOneFreePrivateUseCharacterAndRefusesWhenNoneIsLeft() {
        StringBuilder all = new StringBuilder();
        for (int c = 0xE000; c < 0xF900; c++) {
            all.appendCodePoint(c);
        }
        for (int c = 0xF0000; c <= 0x10FFFF; c++) {
            all.appendCodePoint(c);
        }
        String every = all.toString();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ContentGuard.of(S, "template", every));
        assertTrue(e.getMessage().contains("private-use"), e.getMessage());

        // every private-use character but U+10FFFD, after a long plain stretch: found in one pass over the input
        String allButOne = "x".repeat(1_000_000) + every.replace(new String(Character.toChars(0x10FFFD)), "");
        ContentGuard g = ContentGuard.of(S, "template", allButOne);
        String guarded = g.guard("<|a|>");
        assertEquals(0x10FFFD, guarded.codePointAt(0), "the one free marker");
        assertEquals("<|a|>", g.restore(guarded));
    }

    /** The split as Specials did it before searching each token once: every fragment searched from its start. */
    static List<Prompt.Segment> referencePartition(Specials specials, String text) {
        record Raw(int start, int end) {}
        LinkedList<Object> fragments = new LinkedList<>();
        if (!text.isEmpty()) {
            fragments.add(new Raw(0, text.length()));
        }
        for (Specials.Token t : specials.tokens()) {
            String s = t.text();
            for (ListIterator<Object> it = fragments.listIterator(); it.hasNext(); ) {
                if (!(it.next() instanceof Raw raw)) {
                    continue;
                }
                int from = raw.start();
                int end = raw.end();
                int match = text.indexOf(s, from);
                if (match < 0 || match + s.length() > end) {
                    continue;
                }
                it.remove();
                while (match >= 0 && match + s.length() <= end) {
                    int leftEnd = match;
                    if (t.lstrip()) {
                        while (leftEnd > from && " \t\n\u000b\f\r".indexOf(text.charAt(leftEnd - 1)) >= 0) {
                            leftEnd--;
                        }
                    }
                    if (leftEnd > from) {
                        it.add(new Raw(from, leftEnd));
                    }
                    it.add(t);
                    from = match + s.length();
                    if (t.rstrip()) {
                        while (from < end && " \t\n\u000b\f\r".indexOf(text.charAt(from)) >= 0) {
                            from++;
                        }
                    }
                    match = text.indexOf(s, from);
                }
                if (from < end) {
                    it.add(new Raw(from, end));
                }
            }
        }
        Prompt.Builder b = Prompt.builder();
        for (Object f : fragments) {
            if (f instanceof Raw r) {
                b.text(text.substring(r.start(), r.end()));
            } else {
                b.special(((Specials.Token) f).text());
            }
        }
        return b.build().segments();
    }
}
