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
        int[] out = new int[64];
        int n = 0;
        List<Specials.Token> userDefined = specials.tokens().stream().filter(Specials.Token::matchedInPlainText).toList();
        for (Prompt.Segment s : prompt.segments()) {
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
                    String rest = t.text();
                    while (!rest.isEmpty()) {
                        int cut = firstUserDefined(rest, userDefined);
                        String piece = cut < 0 ? rest : rest.substring(0, cut);
                        rest = cut < 0 ? "" : rest.substring(cut);
                        int[] ids = plain.apply(piece);
                        if (n + ids.length > out.length) {
                            out = Arrays.copyOf(out, Math.max(out.length * 2, n + ids.length));
                        }
                        System.arraycopy(ids, 0, out, n, ids.length);
                        n += ids.length;
                    }
                }
            }
        }
        return Arrays.copyOf(out, n);
    }

    /** Where to cut {@code text} so that its earliest user-defined token text is split, or -1. */
    static int firstUserDefined(String text, List<Specials.Token> userDefined) {
        int best = -1;
        for (Specials.Token t : userDefined) {
            int i = text.indexOf(t.text());
            if (i >= 0 && (best < 0 || i < best)) {
                best = i;
            }
        }
        return best < 0 ? -1 : best + Character.charCount(text.codePointAt(best));
    }

    private static String quote(String s) {
        return "\"" + s.replace("\n", "\\n") + "\"";
    }
}
