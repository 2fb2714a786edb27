package dev.ferret.models.tokenizer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class PreTokenizerTest {
    /**
     * The qwen2 pattern as llama.cpp spells it. On ASCII text Java's regex classes mean what llama.cpp's mean
     * (\s is [ \t\n\x0B\f\r], \p{L} is A-Za-z, \p{N} is 0-9), so it is an oracle for the hand-written matcher.
     */
    private static final Pattern QWEN2 = Pattern.compile("(?:'[sS]|'[tT]|'[rR][eE]|'[vV][eE]|'[mM]|'[lL][lL]|'[dD])"
            + "|[^\\r\\n\\p{L}\\p{N}]?\\p{L}+|\\p{N}| ?[^\\s\\p{L}\\p{N}]+[\\r\\n]*|\\s*[\\r\\n]+|\\s+(?!\\S)|\\s+");

    private static List<String> byRegex(String text) {
        List<String> pieces = new ArrayList<>();
        Matcher m = QWEN2.matcher(text);
        int end = 0;
        while (m.find()) {
            if (m.start() != end) {
                pieces.add(text.substring(end, m.start()));
            }
            pieces.add(m.group());
            end = m.end();
        }
        if (end < text.length()) {
            pieces.add(text.substring(end));
        }
        return pieces;
    }

    @Test
    void agreesWithTheRegexOnRandomAsciiText() {
        String alphabet = "aaaaeeeiiouttnnsrlhdBCXYZ0123456789     \t\n\r\u000B\u000C\u001F'''.,;:!?-_()[]{}\"#/\\*+=<>|`~$%&@^";
        Random r = new Random(11);
        for (int i = 0; i < 3000; i++) {
            StringBuilder sb = new StringBuilder();
            int n = 1 + r.nextInt(40);
            for (int j = 0; j < n; j++) {
                sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
            }
            String text = sb.toString();
            assertEquals(byRegex(text), PreTokenizer.split(text), () -> "text: " + text.replace("\n", "\\n").replace("\r", "\\r"));
        }
    }

    @Test
    void splitsLikeQwen2() {
        assertEquals(List.of("Hello", ",", " world", "!"), PreTokenizer.split("Hello, world!"));
        assertEquals(List.of("I", "'m", " sure", " they", "'LL", " see"), PreTokenizer.split("I'm sure they'LL see"));
        assertEquals(List.of("1", "2", "3", " ", "4"), PreTokenizer.split("123 4"));
        assertEquals(List.of("def", " f", "():\n", "   ", " return"), PreTokenizer.split("def f():\n    return"));
        assertEquals(List.of("a", " ", " b", "  \n\n", " ", " x"), PreTokenizer.split("a  b  \n\n  x"));
        assertEquals(List.of(" {\"", "name", "\":", " \"", "grep", "\"}"), PreTokenizer.split(" {\"name\": \"grep\"}"));
    }

    @Test
    void classesNonAsciiTextAsLlamaCppDoes() {
        assertEquals(List.of("héllo", " wörld"), PreTokenizer.split("héllo wörld"));
        assertEquals(List.of("日本語の"), PreTokenizer.split("日本語の")); // kanji and kana are letters
        assertEquals(List.of("１", "２", " ", "Ⅻ", "½"), PreTokenizer.split("１２ Ⅻ½")); // Nd, Nl, No: one at a time
        assertEquals(List.of("a", "\u00A0b"), PreTokenizer.split("a\u00A0b")); // NBSP may lead a word
        assertEquals(List.of("x", "\u3000", "\u3000y"), PreTokenizer.split("x\u3000\u3000y")); // wide spaces are \s
        assertEquals(List.of("😀😀", " ©"), PreTokenizer.split("😀😀 ©")); // symbols are "other"
        assertEquals(List.of("e", "\u0301"), PreTokenizer.split("e\u0301")); // a combining mark is not a letter
        assertEquals(List.of("line", "\u2028sep"), PreTokenizer.split("line\u2028sep")); // like NBSP
    }

    @Test
    void piecesConcatenateToTheText() {
        String text = "mixed 日本 text\twith\u00A0odd  spaces\r\n and 123 numbers! 😀";
        assertEquals(text, String.join("", PreTokenizer.split(text)));
        assertEquals(List.of(), PreTokenizer.split(""));
    }
}
