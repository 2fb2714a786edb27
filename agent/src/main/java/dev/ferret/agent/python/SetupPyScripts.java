package dev.ferret.agent.python;

import dev.ferret.agent.python.PackagingScripts.Script;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;

/**
 * The console and GUI scripts of a {@code setup.py}, read without running it: every dict display ({@code {...}},
 * anywhere in the file, at any nesting) with a key that is the string literal {@code "console_scripts"} or
 * {@code "gui_scripts"} and whose value is a list or tuple display gives one script per element that is a string
 * literal {@code "name = target"} (split at the first {@code =}, both sides stripped and non-empty), at the line where
 * that string starts. This covers {@code setup(entry_points={"console_scripts": [...]})} and a module-level
 * {@code ENTRY_POINTS = {"console_scripts": [...]}} passed by name. See {@link PackagingScripts} for what is not read.
 *
 * <p>A small tokenizer of its own: string literals with any prefix ({@code r}, {@code u}, {@code b}, {@code f},
 * {@code t} and their combinations, either case), single, double and triple quotes, escapes decoded as Python does
 * for {@code str} literals; comments; brackets. Implicitly concatenated literals are one string; redundant parentheses
 * around a string or a display are looked through ({@code ("a = b")}, {@code (["a = b"])}), as Python's parser does.
 * An f-string (or a t-string) is followed to its end, replacement fields (nested strings and brackets, Python 3.12
 * style) included, and is not a string literal: an element holding one is skipped. A bytes literal is not a string
 * either. Dict comprehensions and list comprehensions are not displays. The text is UTF-8, as for the other metadata
 * files (a coding declaration is not followed). Brackets and tokens are all it sees, not a syntax tree: a mapping
 * pattern of a {@code match} statement ({@code case {"console_scripts": [...]}:}) reads like a display, and a file
 * Python rejects is read all the same.
 *
 * <p>It never throws and runs in time linear in the text: a string left open ends at its line's end (a triple-quoted
 * one at the end of the text), a closing bracket that does not match closes the innermost open one, one with nothing
 * open is ignored, and brackets still open at the end of the text are closed there; nesting deeper than
 * {@link #MAX_NESTING} (far beyond what Python accepts) stops the reading, and the brackets open then are closed; what
 * was read by then is returned.
 */
final class SetupPyScripts {
    private SetupPyScripts() {
    }

    static final String CONSOLE = "console_scripts";
    static final String GUI = "gui_scripts";

    /** The scripts a {@code setup.py}'s lines declare, in the order of their strings. */
    static List<Script> read(List<String> lines) {
        Reader r = new Reader(String.join("\n", lines));
        r.run();
        r.found.sort(Comparator.comparingInt(Found::pos));
        return r.found.stream().map(Found::script).toList();
    }

    /** A script and the offset of its string, for the order of the output. */
    private record Found(int pos, Script script) {
    }

    /** A string element of a list or tuple display. */
    private record Candidate(String text, int line, int pos) {
    }

    // ------------------------------------------------------------------ the parser's view

    private static final int EMPTY = 0; // no token yet
    private static final int STR = 1; // string literals only (implicitly concatenated)
    private static final int PAREN_STR = 2; // a parenthesized string: nothing may follow it
    private static final int SEQ = 3; // a list or tuple display
    private static final int OTHER = 4; // anything else

    /** What one element (or key, or value) of a bracket holds so far. */
    private static final class Segment {
        int state = EMPTY;
        StringBuilder text; // STR, PAREN_STR
        boolean bad; // STR, PAREN_STR: not a str literal (bytes, f-string, unterminated, bad escape)
        int line;
        int pos;
        List<Candidate> elements; // SEQ: the string elements

        static Segment other() {
            Segment s = new Segment();
            s.state = OTHER;
            return s;
        }

        boolean isString() {
            return (state == STR || state == PAREN_STR) && !bad;
        }
    }

    /** An open bracket, f-string or the module itself. */
    private static final class Frame {
        final char kind; // '\0' the module, '(', '[', '{', 'f' an f-string
        Segment cur = new Segment();
        int commas;
        boolean comprehension;
        List<Candidate> elements; // '(' and '[': the string elements ended so far
        Segment key; // '{': the key of the current item once its colon is seen
        int lambdas; // '{': lambdas of the current item whose colon is still to come
        final int line;
        final int pos;

        Frame(char kind, int line, int pos) {
            this.kind = kind;
            this.line = line;
            this.pos = pos;
        }
    }

    // ------------------------------------------------------------------ the tokenizer's modes inside f-strings

    private static final int FSTRING = 0; // the literal text of an f-string
    private static final int FIELD = 1; // the expression of a replacement field
    private static final int SPEC = 2; // a format spec after the field's colon

    private static final class Mode {
        final int kind;
        final String delimiter; // of the f-string this mode is in
        final boolean raw;
        int depth; // FIELD: brackets open in the expression

        Mode(int kind, String delimiter, boolean raw) {
            this.kind = kind;
            this.delimiter = delimiter;
            this.raw = raw;
        }
    }

    /**
     * Open brackets, f-strings and their fields beyond which reading stops (the text after is not read): far above
     * what Python itself accepts (200 nested brackets), it bounds the memory a pathological file can take.
     */
    static final int MAX_NESTING = 2000;

    private static final class Reader {
        final String s;
        final int n;
        int pos;
        int line = 1;
        final Deque<Mode> modes = new ArrayDeque<>();
        final Deque<Frame> frames = new ArrayDeque<>();
        int openFStrings;
        final List<Found> found = new ArrayList<>();

        Reader(String s) {
            this.s = s;
            this.n = s.length();
            frames.push(new Frame('\0', 1, 0));
        }

        void run() {
            while (pos < n && frames.size() + modes.size() <= MAX_NESTING) {
                Mode m = modes.peek();
                if (m == null || m.kind == FIELD) {
                    code(m);
                } else {
                    literal(m);
                }
            }
            while (frames.size() > 1) {
                Frame f = frames.pop();
                if (f.kind == 'f') {
                    openFStrings--;
                }
                closeInto(f, frames.peek());
            }
        }

        // -------------------------------------------------------------- tokenizer

        /** One token of code (the module's, or a replacement field's, {@code m}). */
        private void code(Mode m) {
            char c = s.charAt(pos);
            if (c == '\n') {
                line++;
                pos++;
            } else if (c == ' ' || c == '\t' || c == '\f' || c == '\\') {
                pos++; // a backslash out of strings joins lines: the newline after it is counted next
            } else if (c == '#') {
                int end = s.indexOf('\n', pos);
                pos = end < 0 ? n : end;
            } else if (c == '"' || c == '\'') {
                string(pos, "");
            } else if (isWordChar(c)) {
                int start = pos;
                int end = pos;
                while (end < n && isWordChar(s.charAt(end))) {
                    end++;
                }
                String word = s.substring(start, end);
                if (end < n && (s.charAt(end) == '"' || s.charAt(end) == '\'') && isPrefix(word)) {
                    pos = end;
                    string(start, word);
                } else {
                    pos = end;
                    name(word);
                }
            } else if (c == '(' || c == '[' || c == '{') {
                if (m != null) {
                    m.depth++;
                }
                pos++;
                open(c);
            } else if (c == ')' || c == ']' || c == '}') {
                pos++;
                if (m != null && m.depth == 0) {
                    if (c == '}') {
                        modes.pop(); // the end of the replacement field
                    }
                    return; // else unmatched in the field: ignored
                }
                if (m != null) {
                    m.depth--;
                }
                close();
            } else if (c == ':') {
                if (m != null && m.depth == 0) {
                    pos++;
                    modes.push(new Mode(SPEC, m.delimiter, m.raw));
                } else if (pos + 1 < n && s.charAt(pos + 1) == '=') {
                    pos += 2; // :=
                    other();
                } else {
                    pos++;
                    colon();
                }
            } else if (c == ',') {
                pos++;
                comma();
            } else {
                pos++;
                other();
            }
        }

        private static boolean isWordChar(char c) {
            return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_'
                    || c >= 0x80 && !Character.isWhitespace(c) && c != '\u00a0';
        }

        /** A string prefix Python accepts: r, u, b, f, t and rb, br, fr, rf, tr, rt, in either case. */
        private static boolean isPrefix(String w) {
            if (w.length() > 2) {
                return false;
            }
            String p = w.toLowerCase(java.util.Locale.ROOT);
            return switch (p) {
                case "r", "u", "b", "f", "t", "rb", "br", "fr", "rf", "tr", "rt" -> true;
                default -> false;
            };
        }

        /** A string literal whose prefix (perhaps empty) starts at {@code start}; {@link #pos} is at its quote. */
        private void string(int start, String prefix) {
            String p = prefix.toLowerCase(java.util.Locale.ROOT);
            boolean raw = p.indexOf('r') >= 0;
            boolean bytes = p.indexOf('b') >= 0;
            boolean formatted = p.indexOf('f') >= 0 || p.indexOf('t') >= 0;
            char q = s.charAt(pos);
            String delimiter = s.startsWith(String.valueOf(q).repeat(3), pos) ? String.valueOf(q).repeat(3)
                    : String.valueOf(q);
            boolean triple = delimiter.length() == 3;
            int startLine = line;
            pos += delimiter.length();
            if (formatted) {
                modes.push(new Mode(FSTRING, delimiter, raw));
                frames.push(new Frame('f', startLine, start));
                openFStrings++;
                return;
            }
            StringBuilder sb = new StringBuilder();
            boolean bad = bytes;
            while (true) {
                if (pos >= n) {
                    bad = true; // unterminated
                    break;
                }
                char c = s.charAt(pos);
                if (c == q && (!triple || s.startsWith(delimiter, pos))) {
                    pos += delimiter.length();
                    break;
                }
                if (c == '\n') {
                    if (!triple) {
                        bad = true; // unterminated at its line's end; the newline is left for the code
                        break;
                    }
                    line++;
                    sb.append(c);
                    pos++;
                } else if (c != '\\') {
                    sb.append(c);
                    pos++;
                } else if (pos + 1 >= n) {
                    pos++;
                } else if (s.charAt(pos + 1) == '\n') {
                    line++;
                    if (raw) {
                        sb.append("\\\n");
                    }
                    pos += 2;
                } else if (raw || bytes) {
                    sb.append(c).append(s.charAt(pos + 1));
                    pos += 2;
                } else {
                    bad |= !escape(sb, q);
                }
            }
            string(bad ? null : sb.toString(), startLine, start);
        }

        /**
         * Decodes the escape at {@link #pos} (a backslash with a character after it) of a str literal quoted with
         * {@code q}, appending its value; false when Python rejects it (a truncated {@code \x}, {@code \}{@code u} or
         * {@code \U}, an unknown name).
         */
        private boolean escape(StringBuilder sb, char q) {
            char e = s.charAt(pos + 1);
            pos += 2;
            switch (e) {
                case '\\', '\'', '"' -> sb.append(e);
                case 'a' -> sb.append('\u0007');
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 't' -> sb.append('\t');
                case 'v' -> sb.append('\u000b');
                case '0', '1', '2', '3', '4', '5', '6', '7' -> {
                    int v = e - '0';
                    for (int k = 0; k < 2 && pos < n && s.charAt(pos) >= '0' && s.charAt(pos) <= '7'; k++) {
                        v = v * 8 + s.charAt(pos++) - '0';
                    }
                    sb.append((char) v);
                }
                case 'x', 'u', 'U' -> {
                    int digits = e == 'x' ? 2 : e == 'u' ? 4 : 8;
                    int v = 0;
                    for (int k = 0; k < digits; k++) {
                        int d = pos < n ? Character.digit(s.charAt(pos), 16) : -1;
                        if (d < 0 || s.charAt(pos) > 'f') {
                            return false;
                        }
                        v = v * 16 + d;
                        pos++;
                    }
                    if (!Character.isValidCodePoint(v)) {
                        return false;
                    }
                    sb.appendCodePoint(v);
                }
                case 'N' -> {
                    if (pos >= n || s.charAt(pos) != '{') {
                        return false;
                    }
                    int close = pos + 1;
                    while (close < n && s.charAt(close) != '}' && s.charAt(close) != '\n' && s.charAt(close) != q) {
                        close++;
                    }
                    if (close >= n || s.charAt(close) != '}') {
                        pos = close; // Python rejects it; go on from where the name stopped
                        return false;
                    }
                    try {
                        sb.appendCodePoint(Character.codePointOf(s.substring(pos + 1, close)));
                    } catch (IllegalArgumentException x) {
                        pos = close + 1;
                        return false;
                    }
                    pos = close + 1;
                }
                default -> sb.append('\\').append(e); // kept as written, as Python does
            }
            return true;
        }

        /** One step through the literal text of an f-string or a format spec. */
        private void literal(Mode m) {
            char c = s.charAt(pos);
            if (s.startsWith(m.delimiter, pos)) {
                pos += m.delimiter.length();
                endFString();
            } else if (c == '\n') {
                if (m.delimiter.length() == 1) {
                    endFString(); // unterminated: ends at its line's end
                    return;
                }
                line++;
                pos++;
            } else if (c == '\\') {
                char e = pos + 1 < n ? s.charAt(pos + 1) : '\0';
                if (e == '\n') {
                    line++;
                    pos += 2;
                } else if (!m.raw && e == 'N' && pos + 2 < n && s.charAt(pos + 2) == '{') {
                    int close = pos + 3;
                    while (close < n && s.charAt(close) != '}' && s.charAt(close) != '\n'
                            && !s.startsWith(m.delimiter, close)) {
                        close++;
                    }
                    pos = close < n && s.charAt(close) == '}' ? close + 1 : close;
                } else if (e == '{' || e == '}' || e == '\0') {
                    pos++;
                } else {
                    pos += 2;
                }
            } else if (c == '{') {
                if (m.kind == FSTRING && pos + 1 < n && s.charAt(pos + 1) == '{') {
                    pos += 2;
                } else {
                    pos++;
                    modes.push(new Mode(FIELD, m.delimiter, m.raw));
                }
            } else if (c == '}') {
                if (m.kind == SPEC) {
                    modes.pop(); // the spec
                    modes.pop(); // its field
                    pos++;
                } else {
                    pos += pos + 1 < n && s.charAt(pos + 1) == '}' ? 2 : 1;
                }
            } else {
                pos++;
            }
        }

        /** The innermost f-string ends: its modes and the frames opened in it close. */
        private void endFString() {
            while (!modes.isEmpty() && modes.pop().kind != FSTRING) {
                // fields and specs left open inside it
            }
            fEnd();
        }

        // -------------------------------------------------------------- parser

        private void string(String value, int line, int pos) {
            Frame f = frames.peek();
            if (f.kind == '\0') {
                return; // module level: nothing to read
            }
            Segment cur = f.cur;
            if (cur.state == EMPTY) {
                cur.state = STR;
                cur.text = new StringBuilder(value == null ? "" : value);
                cur.bad = value == null;
                cur.line = line;
                cur.pos = pos;
            } else if (cur.state == STR) {
                if (value == null) {
                    cur.bad = true;
                } else {
                    cur.text.append(value);
                }
            } else {
                f.cur = Segment.other();
            }
        }

        private void name(String word) {
            Frame f = frames.peek();
            if (word.equals("for")) {
                f.comprehension = true;
            } else if (word.equals("lambda")) {
                f.lambdas++;
            }
            other();
        }

        private void other() {
            Frame f = frames.peek();
            if (f.cur.state != OTHER) {
                f.cur = Segment.other();
            }
        }

        private void open(char c) {
            frames.push(new Frame(c, line, pos - 1));
        }

        /** A closing bracket: closes the innermost open bracket, whatever its kind; ignored when none is open. */
        private void close() {
            Frame f = frames.peek();
            if (f.kind == '\0' || f.kind == 'f') {
                return;
            }
            frames.pop();
            closeInto(f, frames.peek());
        }

        private void fEnd() {
            if (openFStrings == 0) {
                return;
            }
            while (true) {
                Frame f = frames.pop();
                if (f.kind == 'f') {
                    openFStrings--;
                    closeInto(f, frames.peek());
                    return;
                }
                closeInto(f, frames.peek());
            }
        }

        private void comma() {
            Frame f = frames.peek();
            endElement(f);
            f.commas++;
            f.cur = new Segment();
            f.key = null;
            f.lambdas = 0;
        }

        private void colon() {
            Frame f = frames.peek();
            if (f.kind != '{') {
                other();
            } else if (f.lambdas > 0) {
                f.lambdas--;
            } else if (f.key == null) {
                f.key = f.cur;
                f.cur = new Segment();
            } else {
                other();
            }
        }

        /** The element (or dict item) being read in {@code f} ends. */
        private void endElement(Frame f) {
            if (f.kind == '(' || f.kind == '[') {
                if (f.cur.isString()) {
                    if (f.elements == null) {
                        f.elements = new ArrayList<>();
                    }
                    f.elements.add(new Candidate(f.cur.text.toString(), f.cur.line, f.cur.pos));
                }
            } else if (f.kind == '{' && f.key != null && f.key.isString() && f.cur.state == SEQ) {
                String key = f.key.text.toString();
                if (key.equals(CONSOLE) || key.equals(GUI)) {
                    for (Candidate c : f.cur.elements) {
                        script(c, key.equals(GUI));
                    }
                }
            }
        }

        private void script(Candidate c, boolean gui) {
            int eq = c.text().indexOf('=');
            if (eq < 0) {
                return;
            }
            String name = strip(c.text().substring(0, eq));
            String target = strip(c.text().substring(eq + 1));
            if (!name.isEmpty() && !target.isEmpty()) {
                found.add(new Found(c.pos(), new Script(c.line(), name, target, gui)));
            }
        }

        /** {@code f}, just closed, becomes one atom of {@code parent}'s current element. */
        private void closeInto(Frame f, Frame parent) {
            Segment sole = f.cur;
            endElement(f);
            Segment atom;
            if (f.kind == 'f') {
                string(null, f.line, f.pos); // a string, but no string literal
                return;
            } else if (f.kind == '{' || f.comprehension) {
                atom = Segment.other();
            } else if (f.kind == '(' && f.commas == 0 && sole.state != EMPTY) {
                atom = sole; // parentheses around one expression are looked through
                if (atom.state == STR) {
                    atom.state = PAREN_STR;
                }
            } else {
                atom = new Segment();
                atom.state = SEQ;
                atom.elements = f.elements == null ? List.of() : f.elements;
            }
            if (parent.kind == '\0') {
                return;
            }
            parent.cur = parent.cur.state == EMPTY ? atom : Segment.other();
        }

        private static String strip(String t) {
            int a = 0;
            int b = t.length();
            while (a < b && isSpace(t.charAt(a))) {
                a++;
            }
            while (b > a && isSpace(t.charAt(b - 1))) {
                b--;
            }
            return t.substring(a, b);
        }

        /** Python's {@code str.isspace} for one character. */
        private static boolean isSpace(char c) {
            return Character.isWhitespace(c) || c == '\u0085' || c == '\u00a0' || c == '\u2007' || c == '\u202f';
        }
    }
}
