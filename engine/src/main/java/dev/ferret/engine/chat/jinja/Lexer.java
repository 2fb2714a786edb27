package dev.ferret.engine.chat.jinja;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a template into text and tag tokens with jinja2's whitespace rules under Hugging Face's settings:
 * <ul>
 * <li>{@code \r\n} and {@code \r} become {@code \n}, and one trailing newline of the template is dropped
 *     ({@code keep_trailing_newline=False});</li>
 * <li>{@code -} inside a tag ({@code {%-}, {@code -%}}, also for {@code {{ }}} and comments) strips all
 *     whitespace on that side;</li>
 * <li>{@code trim_blocks}: the first newline after a block or comment tag is removed ({@code +%}} keeps it);</li>
 * <li>{@code lstrip_blocks}: spaces and tabs between the start of a line and a block or comment tag are removed
 *     ({@code {%+} keeps them); not before {@code {{}.</li>
 * </ul>
 */
final class Lexer {
    enum Type { TEXT, VAR_BEGIN, VAR_END, BLOCK_BEGIN, BLOCK_END, NAME, STRING, INT, FLOAT, OP, EOF }

    record Token(Type type, String text, Object value, int line) {
        boolean is(Type t, String s) {
            return type == t && text.equals(s);
        }

        boolean isName(String s) {
            return is(Type.NAME, s);
        }

        boolean isOp(String s) {
            return is(Type.OP, s);
        }
    }

    private static final String[] OPERATORS = {"//", "**", "==", "!=", ">=", "<=", "+", "-", "/", "*", "%", "~",
            "[", "]", "(", ")", "{", "}", ">", "<", "=", ".", ":", "|", ",", ";"};

    private final String src;
    private final List<Token> tokens = new ArrayList<>();
    private int pos;
    private int line = 1;
    private boolean lineStarting = true;

    private Lexer(String source) {
        String s = source.replace("\r\n", "\n").replace('\r', '\n');
        if (s.endsWith("\n")) {
            s = s.substring(0, s.length() - 1);
        }
        this.src = s;
    }

    static List<Token> tokenize(String source) {
        Lexer l = new Lexer(source);
        l.run();
        return l.tokens;
    }

    private void run() {
        while (pos < src.length()) {
            int open = nextTag(pos);
            if (open < 0) {
                String rest = src.substring(pos);
                text(rest, rest);
                pos = src.length();
                break;
            }
            String original = src.substring(pos, open);
            String text = original;
            char kind = src.charAt(open + 1);
            char sign = open + 2 < src.length() ? src.charAt(open + 2) : 0;
            boolean raw = kind == '%' && isRawTag(open);
            if (sign == '-') {
                text = rstrip(text);
            } else if (sign != '+' && kind != '{') {
                text = lstripLine(text);
            }
            text(text, original);
            pos = open + 2 + (sign == '-' || sign == '+' ? 1 : 0);
            if (raw) {
                raw();
            } else if (kind == '#') {
                comment();
            } else {
                tag(kind == '{' ? Type.VAR_BEGIN : Type.BLOCK_BEGIN, kind == '{' ? "}}" : "%}");
            }
        }
        tokens.add(new Token(Type.EOF, "", null, line));
    }

    /** A text token ({@code t}, after whitespace control), counting the lines of the text it came from. */
    private void text(String t, String original) {
        if (!t.isEmpty()) {
            tokens.add(new Token(Type.TEXT, t, t, line));
        }
        line += count(original);
    }

    private int nextTag(int from) {
        for (int i = src.indexOf('{', from); i >= 0 && i + 1 < src.length(); i = src.indexOf('{', i + 1)) {
            char c = src.charAt(i + 1);
            if (c == '{' || c == '%' || c == '#') {
                return i;
            }
        }
        return -1;
    }

    /** lstrip_blocks: drop the spaces and tabs that start the tag's line. */
    private String lstripLine(String text) {
        int lpos = text.lastIndexOf('\n') + 1;
        if (lpos == 0 && !lineStarting) {
            return text;
        }
        if (lpos < text.length() && isAllSpace(text, lpos)) {
            return text.substring(0, lpos);
        }
        return text;
    }

    private static boolean isAllSpace(String s, int from) {
        for (int i = from; i < s.length(); ) {
            int c = s.codePointAt(i);
            if (!Py.isSpace(c)) {
                return false;
            }
            i += Character.charCount(c);
        }
        return true;
    }

    static String rstrip(String s) {
        int end = s.length();
        while (end > 0) {
            int c = s.codePointBefore(end);
            if (!Py.isSpace(c)) {
                break;
            }
            end -= Character.charCount(c);
        }
        return s.substring(0, end);
    }

    /** After a tag's closing delimiter: {@code -} strips all whitespace, trim_blocks one newline. */
    private void afterClose(char sign, boolean trimNewline) {
        int start = pos;
        if (sign == '-') {
            while (pos < src.length()) {
                int c = src.codePointAt(pos);
                if (!Py.isSpace(c)) {
                    break;
                }
                pos += Character.charCount(c);
            }
        } else if (sign != '+' && trimNewline && pos < src.length() && src.charAt(pos) == '\n') {
            pos++;
        }
        line += count(src.substring(start, pos));
        lineStarting = pos > 0 && src.charAt(pos - 1) == '\n';
    }

    private boolean isRawTag(int open) {
        int i = open + 2;
        if (i < src.length() && (src.charAt(i) == '-' || src.charAt(i) == '+')) {
            i++;
        }
        i = skipSpace(i);
        if (!src.startsWith("raw", i)) {
            return false;
        }
        i = skipSpace(i + 3);
        return src.startsWith("%}", i) || src.startsWith("-%}", i);
    }

    private int skipSpace(int i) {
        while (i < src.length() && Character.isWhitespace(src.charAt(i))) {
            i++;
        }
        return i;
    }

    private void raw() {
        // {% raw %} or {% raw -%}: no trim_blocks after it (jinja2's raw rule has none)
        pos = skipSpace(pos) + 3;
        pos = skipSpace(pos);
        char sign = src.charAt(pos) == '-' ? '-' : 0;
        pos += sign == '-' ? 3 : 2;
        afterClose(sign, false);
        int search = pos;
        while (true) {
            int open = src.indexOf("{%", search);
            if (open < 0) {
                throw new JinjaException.Syntax("missing end of raw directive", line);
            }
            int i = open + 2;
            char s = i < src.length() && (src.charAt(i) == '-' || src.charAt(i) == '+') ? src.charAt(i) : 0;
            if (s != 0) {
                i++;
            }
            i = skipSpace(i);
            if (src.startsWith("endraw", i)) {
                int j = skipSpace(i + 6);
                char close = src.startsWith("-%}", j) ? '-' : src.startsWith("+%}", j) ? '+' : src.startsWith("%}", j) ? ' ' : 0;
                if (close != 0) {
                    String original = src.substring(pos, open);
                    text(s == '-' ? rstrip(original) : s != '+' ? lstripLine(original) : original, original);
                    pos = j + (close == ' ' ? 2 : 3);
                    afterClose(close == ' ' ? 0 : close, true);
                    return;
                }
            }
            search = open + 2;
        }
    }

    private void comment() {
        for (int i = src.indexOf("#}", pos); i >= 0; i = src.indexOf("#}", i + 1)) {
            char sign = i > pos && (src.charAt(i - 1) == '-' || src.charAt(i - 1) == '+') ? src.charAt(i - 1) : 0;
            line += count(src.substring(pos, i));
            pos = i + 2;
            afterClose(sign, true);
            return;
        }
        throw new JinjaException.Syntax("missing end of comment tag", line);
    }

    private void tag(Type begin, String close) {
        tokens.add(new Token(begin, begin == Type.VAR_BEGIN ? "{{" : "{%", null, line));
        Type end = begin == Type.VAR_BEGIN ? Type.VAR_END : Type.BLOCK_END;
        int depth = 0;
        while (true) {
            if (pos >= src.length()) {
                throw new JinjaException.Syntax("unexpected end of template: missing '" + close + "'", line);
            }
            if (depth == 0) {
                char sign = 0;
                int at = pos;
                if ((src.charAt(pos) == '-' || src.charAt(pos) == '+' && end == Type.BLOCK_END) && src.startsWith(close, pos + 1)) {
                    sign = src.charAt(pos);
                    at = pos + 1;
                }
                if (src.startsWith(close, at)) {
                    tokens.add(new Token(end, close, null, line));
                    pos = at + 2;
                    afterClose(sign, end == Type.BLOCK_END);
                    return;
                }
            }
            char c = src.charAt(pos);
            if (Character.isWhitespace(c)) {
                if (c == '\n') {
                    line++;
                }
                pos++;
            } else if (Character.isDigit(c)) {
                number();
            } else if (Character.isLetter(c) || c == '_') {
                int s = pos;
                while (pos < src.length() && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '_')) {
                    pos++;
                }
                String name = src.substring(s, pos);
                tokens.add(new Token(Type.NAME, name, name, line));
            } else if (c == '\'' || c == '"') {
                string(c);
            } else {
                String op = null;
                for (String o : OPERATORS) {
                    if (src.startsWith(o, pos)) {
                        op = o;
                        break;
                    }
                }
                if (op == null) {
                    throw new JinjaException.Syntax("unexpected char " + Py.repr(String.valueOf(c)), line);
                }
                switch (op) {
                    case "(", "[", "{" -> depth++;
                    case ")", "]", "}" -> {
                        if (depth == 0) {
                            throw new JinjaException.Syntax("unexpected '" + op + "'", line);
                        }
                        depth--;
                    }
                    default -> { }
                }
                tokens.add(new Token(Type.OP, op, op, line));
                pos += op.length();
            }
        }
    }

    private void number() {
        int s = pos;
        if (src.charAt(pos) == '0' && pos + 1 < src.length() && "xXoObB".indexOf(src.charAt(pos + 1)) >= 0) {
            char kind = Character.toLowerCase(src.charAt(pos + 1));
            pos += 2;
            int ds = pos;
            while (pos < src.length() && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '_')) {
                pos++;
            }
            String digits = src.substring(ds, pos).replace("_", "");
            try {
                Object v = Py.norm(new BigInteger(digits, kind == 'x' ? 16 : kind == 'o' ? 8 : 2));
                tokens.add(new Token(Type.INT, src.substring(s, pos), v, line));
            } catch (NumberFormatException e) {
                throw new JinjaException.Syntax("invalid number " + src.substring(s, pos), line);
            }
            return;
        }
        digits();
        boolean isFloat = false;
        if (pos + 1 < src.length() && src.charAt(pos) == '.' && Character.isDigit(src.charAt(pos + 1))) {
            pos++;
            digits();
            isFloat = true;
        }
        if (pos < src.length() && (src.charAt(pos) == 'e' || src.charAt(pos) == 'E')) {
            int save = pos;
            pos++;
            if (pos < src.length() && (src.charAt(pos) == '+' || src.charAt(pos) == '-')) {
                pos++;
            }
            if (pos < src.length() && Character.isDigit(src.charAt(pos))) {
                digits();
                isFloat = true;
            } else {
                pos = save;
            }
        }
        String text = src.substring(s, pos);
        String clean = text.replace("_", "");
        Object v = isFloat ? (Object) Double.parseDouble(clean) : Py.norm(new BigInteger(clean));
        tokens.add(new Token(isFloat ? Type.FLOAT : Type.INT, text, v, line));
    }

    private void digits() {
        while (pos < src.length() && (Character.isDigit(src.charAt(pos))
                || src.charAt(pos) == '_' && pos + 1 < src.length() && Character.isDigit(src.charAt(pos + 1)))) {
            pos++;
        }
    }

    /** A quoted string with Python's escapes ({@code \n}, {@code \t}, {@code \xhh}, a u-escape with four hex digits, ...). */
    private void string(char quote) {
        int startLine = line;
        StringBuilder sb = new StringBuilder();
        int i = pos + 1;
        while (true) {
            if (i >= src.length()) {
                throw new JinjaException.Syntax("unterminated string", startLine);
            }
            char c = src.charAt(i);
            if (c == quote) {
                i++;
                break;
            }
            if (c == '\n') {
                line++;
            }
            if (c != '\\') {
                sb.append(c);
                i++;
                continue;
            }
            if (i + 1 >= src.length()) {
                throw new JinjaException.Syntax("unterminated string", startLine);
            }
            char e = src.charAt(i + 1);
            i += 2;
            switch (e) {
                case '\n' -> line++; // a backslash-newline joins lines
                case '\\' -> sb.append('\\');
                case '\'' -> sb.append('\'');
                case '"' -> sb.append('"');
                case 'a' -> sb.append('\u0007');
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 't' -> sb.append('\t');
                case 'v' -> sb.append('\u000b');
                case 'x', 'u', 'U' -> {
                    int n = e == 'x' ? 2 : e == 'u' ? 4 : 8;
                    if (i + n > src.length()) {
                        throw new JinjaException.Syntax("truncated \\" + e + " escape", line);
                    }
                    try {
                        sb.appendCodePoint(Integer.parseInt(src.substring(i, i + n), 16));
                    } catch (IllegalArgumentException ex) {
                        throw new JinjaException.Syntax("bad \\" + e + " escape", line);
                    }
                    i += n;
                }
                default -> {
                    if (e >= '0' && e <= '7') {
                        int v = e - '0';
                        for (int k = 0; k < 2 && i < src.length() && src.charAt(i) >= '0' && src.charAt(i) <= '7'; k++) {
                            v = v * 8 + (src.charAt(i++) - '0');
                        }
                        sb.append((char) v);
                    } else {
                        sb.append('\\').append(e); // Python keeps unknown escapes as written
                    }
                }
            }
        }
        tokens.add(new Token(Type.STRING, src.substring(pos, i), sb.toString(), startLine));
        pos = i;
    }

    private static int count(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '\n') {
                n++;
            }
        }
        return n;
    }
}
