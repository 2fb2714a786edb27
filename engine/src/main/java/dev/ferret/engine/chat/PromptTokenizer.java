package dev.ferret.engine.chat;

import dev.ferret.engine.Prompt;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * Token ids of a {@link Prompt}: each special segment is its token, each text segment is tokenized as one text
 * without special-token parsing. llama.cpp still matches user-defined tokens (Qwen2.5's {@code <tool_call>},
 * for one) in such text, so where a text holds one, the text is cut after the token text's first character:
 * the pieces are tokenized apart and none of them holds the token any more.
 */
public final class PromptTokenizer {
    private PromptTokenizer() {}

    /**
     * @param plain tokenizes text without parsing specials (llama_tokenize with parse_special=false)
     */
    public static int[] tokenize(Prompt prompt, Specials specials, Function<String, int[]> plain) {
        return tokenize(prompt, specials, plain, Integer.MAX_VALUE - 8);
    }

    /**
     * The prompt's tokens, or, when it has more than {@code limit}, its first {@code limit + 1} tokens: tokenizing
     * stops at the first segment that takes the count past the limit. A caller that only needs to know whether a
     * prompt fits a context thus pays for at most about a context's worth of segments, however long the prompt
     * (each text segment is a call into llama.cpp, and a conversation of 100,000 messages has hundreds of
     * thousands of segments).
     *
     * @param plain tokenizes text without parsing specials (llama_tokenize with parse_special=false)
     * @param limit the most tokens wanted; an array longer than this means "more than {@code limit}"
     */
    public static int[] tokenize(Prompt prompt, Specials specials, Function<String, int[]> plain, int limit) {
        if (limit < 0 || limit > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("limit must be 0 to " + (Integer.MAX_VALUE - 8) + ", got " + limit);
        }
        int[] out = new int[64];
        int n = 0;
        List<Specials.Token> userDefined = specials.tokens().stream().filter(Specials.Token::matchedInPlainText).toList();
        for (Prompt.Segment s : prompt.segments()) {
            if (n > limit) {
                return Arrays.copyOf(out, limit + 1);
            }
            switch (s) {
                case Prompt.Special sp -> {
                    int id = specials.id(sp.text());
                    if (id < 0) {
                        throw new IllegalArgumentException("the prompt marks " + quote(sp.text())
                                + " as a special token, but the model's vocabulary has no such token");
                    }
                    if (n == out.length) {
                        out = Arrays.copyOf(out, n * 2);
                    }
                    out[n++] = id;
                }
                case Prompt.Text t -> {
                    String text = t.text();
                    // where each user-defined token's text next occurs at or after 'from' (-1: nowhere); each
                    // text is searched once per occurrence, not once per piece, so many occurrences stay linear
                    int[] next = new int[userDefined.size()];
                    Arrays.fill(next, -2);
                    int from = 0;
                    while (from < text.length() && n <= limit) {
                        int cut = nextCut(text, from, userDefined, next);
                        int end = cut < 0 ? text.length() : cut;
                        int[] ids = plain.apply(text.substring(from, end));
                        if (n + ids.length > out.length) {
                            out = Arrays.copyOf(out, Math.max(out.length * 2, n + ids.length));
                        }
                        System.arraycopy(ids, 0, out, n, ids.length);
                        n += ids.length;
                        from = end;
                    }
                }
            }
        }
        return Arrays.copyOf(out, Math.min(n, limit + 1));
    }

    /**
     * Where to cut {@code text} at or after {@code from} so that its earliest user-defined token text is split
     * (just after that text's first character), or -1 when none occurs. {@code next} caches each token's next
     * occurrence (-2: not searched yet, -1: none left) and is updated here.
     */
    static int nextCut(String text, int from, List<Specials.Token> userDefined, int[] next) {
        int best = -1;
        for (int i = 0; i < next.length; i++) {
            if (next[i] == -2 || (next[i] >= 0 && next[i] < from)) {
                next[i] = text.indexOf(userDefined.get(i).text(), from);
            }
            if (next[i] >= 0 && (best < 0 || next[i] < best)) {
                best = next[i];
            }
        }
        return best < 0 ? -1 : best + Character.charCount(text.codePointAt(best));
    }

    private static String quote(String s) {
        return "\"" + s.replace("\n", "\\n") + "\"";
    }
}
