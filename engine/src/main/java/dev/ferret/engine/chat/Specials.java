package dev.ferret.engine.chat;

import dev.ferret.engine.Prompt;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.ListIterator;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The special tokens of a vocabulary: the tokens llama.cpp matches as whole strings before BPE (control,
 * user-defined and unknown tokens), in the order it tries them (longest text first), with the whitespace they
 * eat ({@code lstrip}/{@code rstrip}, set by llama.cpp for a few model families).
 *
 * <p>{@link #partition} splits text at special-token text exactly as llama.cpp's {@code tokenizer_st_partition}
 * does when a prompt is tokenized with specials parsed, so that tokenizing the text segments one by one gives
 * llama.cpp's ids for the whole string.
 */
public final class Specials {
    /** llama_token_attr bits (llama.h b4916). */
    public static final int ATTR_UNKNOWN = 1, ATTR_CONTROL = 8, ATTR_USER_DEFINED = 16, ATTR_LSTRIP = 128, ATTR_RSTRIP = 256;

    /** One special token: id, text, llama_token_attr bits. */
    public record Token(int id, String text, int attributes) {
        boolean lstrip() {
            return (attributes & ATTR_LSTRIP) != 0;
        }

        boolean rstrip() {
            return (attributes & ATTR_RSTRIP) != 0;
        }

        /** llama.cpp matches user-defined tokens even when it is told not to parse specials. */
        public boolean matchedInPlainText() {
            return (attributes & ATTR_USER_DEFINED) != 0 && (attributes & (ATTR_CONTROL | ATTR_UNKNOWN)) == 0;
        }
    }

    /** No special tokens at all (everything is text). */
    public static final Specials NONE = new Specials(List.of());

    private final List<Token> ordered;
    private final Map<String, Integer> ids = new HashMap<>();

    private Specials(List<Token> tokens) {
        List<Token> t = new ArrayList<>(tokens);
        // llama.cpp sorts by text length, longest first; ties by id keep the order stable
        t.sort(Comparator.comparingInt((Token x) -> -x.text().length()).thenComparingInt(Token::id));
        this.ordered = List.copyOf(t);
        for (Token x : ordered) {
            ids.putIfAbsent(x.text(), x.id());
        }
    }

    /** The vocabulary's special tokens; tokens that are none of control, user-defined or unknown are left out. */
    public static Specials of(List<Token> tokens) {
        List<Token> kept = new ArrayList<>();
        for (Token t : tokens) {
            if ((t.attributes() & (ATTR_CONTROL | ATTR_USER_DEFINED | ATTR_UNKNOWN)) != 0 && !t.text().isEmpty()) {
                kept.add(t);
            }
        }
        return new Specials(kept);
    }

    /** In matching order (longest text first). */
    public List<Token> tokens() {
        return ordered;
    }

    /** The id of the special token written {@code text}, or -1. */
    public int id(String text) {
        return ids.getOrDefault(text, -1);
    }

    public boolean isEmpty() {
        return ordered.isEmpty();
    }

    private sealed interface Fragment {}

    private record Raw(int start, int end) implements Fragment {}

    private record Tok(Token token) implements Fragment {}

    /**
     * Splits {@code text} at special-token text, longest tokens first, each occurrence left to right, dropping
     * the whitespace an lstrip/rstrip token eats, as llama.cpp does. {@code restore} is applied to each text
     * segment (the chat template uses it to put back characters it had replaced in content).
     */
    public Prompt partition(String text, UnaryOperator<String> restore) {
        LinkedList<Fragment> fragments = new LinkedList<>();
        if (!text.isEmpty()) {
            fragments.add(new Raw(0, text.length()));
        }
        for (Token t : ordered) {
            String s = t.text();
            // the token's first occurrence at or after the fragment being looked at, searched again only once the
            // fragments have passed it: fragments are in text order, so each token scans the text once (searching
            // from each fragment's start instead rescans the rest of the text for every fragment, quadratic in a
            // prompt of many messages)
            int next = text.indexOf(s);
            for (ListIterator<Fragment> it = fragments.listIterator(); it.hasNext() && next >= 0; ) {
                if (!(it.next() instanceof Raw raw)) {
                    continue;
                }
                int from = raw.start();
                int end = raw.end();
                if (next < from) {
                    next = text.indexOf(s, from);
                }
                int match = next;
                if (match < 0 || match + s.length() > end) {
                    continue;
                }
                it.remove();
                while (match >= 0 && match + s.length() <= end) {
                    int leftEnd = match;
                    if (t.lstrip()) {
                        while (leftEnd > from && isCSpace(text.charAt(leftEnd - 1))) {
                            leftEnd--;
                        }
                    }
                    if (leftEnd > from) {
                        it.add(new Raw(from, leftEnd));
                    }
                    it.add(new Tok(t));
                    from = match + s.length();
                    if (t.rstrip()) {
                        while (from < end && isCSpace(text.charAt(from))) {
                            from++;
                        }
                    }
                    match = text.indexOf(s, from);
                }
                next = match;
                if (from < end) {
                    it.add(new Raw(from, end)); // holds no further match of this token
                }
            }
        }
        Prompt.Builder b = Prompt.builder();
        for (Fragment f : fragments) {
            switch (f) {
                case Raw r -> b.text(restore.apply(text.substring(r.start(), r.end())));
                case Tok t -> b.special(t.token().text());
            }
        }
        return b.build();
    }

    /** C's isspace in the "C" locale, which llama.cpp uses for lstrip/rstrip. */
    private static boolean isCSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000b' || c == '\f' || c == '\r';
    }
}
