package dev.ferret.llama;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks GBNF text in Java before llama.cpp sees it, following the syntax of llama.cpp's grammar parser
 * (b4916): rules {@code name ::= alternatives}, names of letters, digits and '-'; string literals and
 * character classes with escapes {@code \x.. \\u.... \\U........ \t \r \n \\ \" \[ \]}; {@code .}; groups;
 * {@code * + ?} and {@code {m}}, {@code {m,}}, {@code {m,n}}; {@code #} comments; newlines only between rules,
 * inside parentheses and after {@code |}. Also: every referenced rule is defined and the root rule exists.
 * b4916 accepts an unparsable grammar silently (it then constrains nothing), so this check is what makes a
 * bad grammar an error.
 */
public final class GbnfCheck {
    private final String s;
    private int pos;
    private final Set<String> defined = new HashSet<>();
    private final List<String> referenced = new ArrayList<>();

    private GbnfCheck(String s) {
        this.s = s;
    }

    /** Throws {@link LlamaException.Sampler} naming the first problem. */
    public static void check(String gbnf, String root) {
        GbnfCheck c = new GbnfCheck(gbnf);
        c.parse();
        if (c.defined.isEmpty()) {
            throw c.error("no rules");
        }
        for (String r : c.referenced) {
            if (!c.defined.contains(r)) {
                throw new LlamaException.Sampler("grammar: rule '" + r + "' is used but never defined");
            }
        }
        if (!c.defined.contains(root)) {
            throw new LlamaException.Sampler("grammar: no rule named '" + root + "'");
        }
    }

    private LlamaException.Sampler error(String what) {
        int line = 1;
        for (int i = 0; i < Math.min(pos, s.length()); i++) {
            if (s.charAt(i) == '\n') {
                line++;
            }
        }
        return new LlamaException.Sampler("grammar: " + what + " at line " + line + " (offset " + pos + ")");
    }

    private boolean more() {
        return pos < s.length();
    }

    private char peek() {
        return s.charAt(pos);
    }

    private void space(boolean newlines) {
        while (more()) {
            char c = peek();
            if (c == '#') {
                while (more() && peek() != '\n' && peek() != '\r') {
                    pos++;
                }
            } else if (c == ' ' || c == '\t' || (newlines && (c == '\n' || c == '\r'))) {
                pos++;
            } else {
                break;
            }
        }
    }

    private static boolean nameChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-';
    }

    private String name() {
        int start = pos;
        while (more() && nameChar(peek())) {
            pos++;
        }
        if (pos == start) {
            throw error("expected a rule name");
        }
        return s.substring(start, pos);
    }

    private void parse() {
        space(true);
        while (more()) {
            String n = name();
            space(false);
            if (!s.startsWith("::=", pos)) {
                throw error("expected ::= after '" + n + "'");
            }
            pos += 3;
            space(true);
            alternates(false);
            defined.add(n);
            space(false);
            if (more() && peek() != '\n' && peek() != '\r') {
                throw error("expected the end of the rule '" + n + "'");
            }
            space(true);
        }
    }

    private void alternates(boolean nested) {
        sequence(nested);
        while (more() && peek() == '|') {
            pos++;
            space(true);
            sequence(nested);
        }
    }

    private void sequence(boolean nested) {
        boolean any = false;
        while (more()) {
            char c = peek();
            if (c == '"') {
                pos++;
                while (true) {
                    if (!more()) {
                        throw error("unterminated string literal");
                    }
                    if (peek() == '"') {
                        pos++;
                        break;
                    }
                    character();
                }
            } else if (c == '[') {
                pos++;
                if (more() && peek() == '^') {
                    pos++;
                }
                boolean first = true;
                while (true) {
                    if (!more()) {
                        throw error("unterminated character class");
                    }
                    if (peek() == ']' && !first) {
                        pos++;
                        break;
                    }
                    character();
                    if (more() && peek() == '-' && pos + 1 < s.length() && s.charAt(pos + 1) != ']') {
                        pos++;
                        character();
                    }
                    first = false;
                }
            } else if (nameChar(c)) {
                referenced.add(name());
            } else if (c == '(') {
                pos++;
                space(true);
                alternates(true);
                if (!more() || peek() != ')') {
                    throw error("expected ')'");
                }
                pos++;
            } else if (c == '.') {
                pos++;
            } else if (c == '*' || c == '+' || c == '?') {
                if (!any) {
                    throw error("'" + c + "' without anything before it");
                }
                pos++;
            } else if (c == '{') {
                if (!any) {
                    throw error("'{' without anything before it");
                }
                pos++;
                repetition();
            } else {
                break;
            }
            any = true;
            space(nested);
        }
    }

    private void repetition() {
        int digits = number();
        if (digits < 0) {
            throw error("expected a number after '{'");
        }
        space(false);
        if (more() && peek() == ',') {
            pos++;
            space(false);
            number();
            space(false);
        }
        if (!more() || peek() != '}') {
            throw error("expected '}'");
        }
        pos++;
    }

    private int number() {
        int start = pos;
        while (more() && Character.isDigit(peek())) {
            pos++;
        }
        return pos == start ? -1 : Integer.parseInt(s.substring(start, Math.min(pos, start + 9)));
    }

    private void character() {
        char c = peek();
        if (c != '\\') {
            pos++;
            return;
        }
        pos++;
        if (!more()) {
            throw error("unfinished escape");
        }
        char e = peek();
        pos++;
        switch (e) {
            case 'x' -> hex(2);
            case 'u' -> hex(4);
            case 'U' -> hex(8);
            case 't', 'r', 'n', '\\', '"', '[', ']' -> { }
            default -> throw error("unknown escape '\\" + e + "'");
        }
    }

    private void hex(int n) {
        for (int i = 0; i < n; i++) {
            if (!more() || Character.digit(peek(), 16) < 0) {
                throw error("expected " + n + " hex digits");
            }
            pos++;
        }
    }
}
