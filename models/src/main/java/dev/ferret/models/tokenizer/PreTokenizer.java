package dev.ferret.models.tokenizer;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Splits text into the pieces BPE works on, as llama.cpp does for {@code tokenizer.ggml.pre = "qwen2"}. Its
 * pattern (Qwen2's tokenizer.json, contractions spelled case by case) is, alternatives tried in order:
 * <pre>
 * '[sS] | '[tT] | '[rR][eE] | '[vV][eE] | '[mM] | '[lL][lL] | '[dD]
 * [^\r\n\p{L}\p{N}]?\p{L}+          a word, with at most one leading non-letter (often the space)
 * \p{N}                             one digit at a time
 * ' '?[^\s\p{L}\p{N}]+[\r\n]*       punctuation, with at most one leading space and trailing newlines
 * \s*[\r\n]+                        whitespace up to the last newline of a run
 * \s+(?!\S)                         whitespace, leaving the last space to the word after it
 * \s+
 * </pre>
 *
 * <p>This is a hand-written matcher rather than {@link java.util.regex.Pattern} because the classes must mean
 * what they mean in llama.cpp, which runs the pattern on a copy of the text where every non-ASCII character is
 * replaced by its class: below U+0080 a letter is A-Z/a-z, a digit 0-9, and whitespace is one of
 * {@code \t \n \v \f \r} and space (C locale); above, whitespace is llama.cpp's fixed list (tried first), and
 * letters and numbers are the Unicode categories L and N. (Unicode categories come from the JDK, so characters
 * assigned after the Unicode version llama.cpp's tables were generated from may be classed differently.)
 */
final class PreTokenizer {
    /** llama.cpp's whitespace above ASCII. */
    private static final Set<Integer> WIDE_SPACES = Set.of(0x85, 0xA0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003,
            0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000);

    private PreTokenizer() {
    }

    /** The pieces of {@code text}, in order; concatenated they give back the text. */
    static List<String> split(String text) {
        int[] cps = text.codePoints().toArray();
        List<String> pieces = new ArrayList<>();
        int i = 0;
        while (i < cps.length) {
            int end = matchAt(cps, i);
            pieces.add(new String(cps, i, end - i));
            i = end;
        }
        return pieces;
    }

    /** Where the match starting at {@code i} ends; every position matches one alternative. */
    static int matchAt(int[] cps, int i) {
        int n = cps.length;
        int c = cps[i];
        if (c == '\'' && i + 1 < n) {
            int c1 = lowerAscii(cps[i + 1]);
            if (c1 == 's' || c1 == 't' || c1 == 'm' || c1 == 'd') {
                return i + 2;
            }
            if (i + 2 < n) {
                int c2 = lowerAscii(cps[i + 2]);
                if ((c1 == 'r' && c2 == 'e') || (c1 == 'v' && c2 == 'e') || (c1 == 'l' && c2 == 'l')) {
                    return i + 3;
                }
            }
        }
        if (isLetter(c)) {
            return letters(cps, i + 1);
        }
        if (c != '\r' && c != '\n' && !isNumber(c) && i + 1 < n && isLetter(cps[i + 1])) {
            return letters(cps, i + 2);
        }
        if (isNumber(c)) {
            return i + 1;
        }
        int k = c == ' ' ? i + 1 : i;
        if (k < n && isOther(cps[k])) {
            int j = k + 1;
            while (j < n && isOther(cps[j])) {
                j++;
            }
            while (j < n && (cps[j] == '\r' || cps[j] == '\n')) {
                j++;
            }
            return j;
        }
        // c is whitespace here: every other character matched above
        int j = i;
        int lastNewline = -1;
        while (j < n && isSpace(cps[j])) {
            if (cps[j] == '\r' || cps[j] == '\n') {
                lastNewline = j;
            }
            j++;
        }
        if (lastNewline >= 0) {
            return lastNewline + 1;
        }
        if (j == n || j - i < 2) {
            return j;
        }
        return j - 1;
    }

    private static int letters(int[] cps, int from) {
        int j = from;
        while (j < cps.length && isLetter(cps[j])) {
            j++;
        }
        return j;
    }

    private static int lowerAscii(int c) {
        return c >= 'A' && c <= 'Z' ? c + 32 : c;
    }

    static boolean isSpace(int c) {
        if (c < 0x80) {
            return c == ' ' || (c >= 0x09 && c <= 0x0D);
        }
        return WIDE_SPACES.contains(c);
    }

    static boolean isLetter(int c) {
        if (c < 0x80) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        }
        return !WIDE_SPACES.contains(c) && Character.isLetter(c);
    }

    static boolean isNumber(int c) {
        if (c < 0x80) {
            return c >= '0' && c <= '9';
        }
        if (WIDE_SPACES.contains(c)) {
            return false;
        }
        int type = Character.getType(c);
        return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER
                || type == Character.OTHER_NUMBER;
    }

    private static boolean isOther(int c) {
        return !isSpace(c) && !isLetter(c) && !isNumber(c);
    }
}
