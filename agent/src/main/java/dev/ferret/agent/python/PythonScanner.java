package dev.ferret.agent.python;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A hand-written lexer and statement scanner for Python source: no external parser, one pass over the characters,
 * never throws on bad input.
 *
 * <p><b>Lexing.</b> Follows Python's tokenizer where it matters for the model: string literals with any prefix
 * ({@code r b u f t} and the two-letter {@code rb br fr rf tr rt} combinations, any case), single or triple quoted,
 * backslash escapes (which also keep a raw string's quote from ending it), backslash line continuations, bracket
 * nesting across lines (a logical line ends at a line break only outside brackets), comments ({@code #} outside
 * strings), indentation (tab to the next multiple of 8, form feed resets, as CPython). Line breaks are {@code \n},
 * {@code \r\n} and a lone {@code \r}; a leading byte-order mark is skipped; bytes are decoded as UTF-8, or as a PEP 263
 * coding cookie says, with malformed sequences replaced (an undeclared Latin-1 file thus keeps its structure and line
 * numbers). F-strings are scanned as plain
 * strings, which is exact up to Python 3.11 (3.12's reuse of the outer quote inside a replacement field is not
 * modelled); the calls in their replacement fields (nested f-strings and fields in format specs included) are recorded
 * on the line of the called name, as CPython 3.11's {@code ast} reports them. An unterminated single-quoted string ends at its line; an unterminated triple-quoted one at the end of
 * the file. A {@code def} or {@code class} keyword met inside unclosed brackets (never valid Python) closes them, so
 * one stray bracket does not swallow the rest of a broken file.
 *
 * <p><b>Statements.</b> Every logical line is split into simple statements at top-level semicolons, and after the
 * header colon of a compound statement with a same-line body ({@code if TYPE_CHECKING: import x},
 * {@code try: import requests}, {@code def f(): import y}). The scanner records:
 * <ul>
 *   <li>{@code class} statements: name, qualified name, line of the {@code class} keyword, the positional entries of
 *       the base list (keyword and starred entries dropped; PEP 695 type parameters skipped), decorators, the
 *       {@code metaclass=} keyword entry;</li>
 *   <li>{@code def} and {@code async def} statements: name, qualified name, line of the {@code def} (or
 *       {@code async}) keyword, async flag, decorators, whether a {@code yield} in the def's own body makes it a
 *       generator (the logical lines whose scope is the def, and its same-line body; a yield in a lambda's body is
 *       the lambda's; a def's or class's header belongs to the scope around it);</li>
 *   <li>whether a def or class has a docstring: the first statement of its body (on the header's line after the colon,
 *       else the next logical line when it is indented deeper than the header) is one or more adjacent plain string
 *       literals, maybe in parentheses ({@link #stringValue}: no bytes, f-strings or t-strings), as
 *       {@code ast.get_docstring} sees it;</li>
 *   <li>{@code import} and {@code from ... import} statements at any depth, one {@link PyImport} per imported
 *       name, with relative level and alias;</li>
 *   <li>comments with their line;</li>
 *   <li>{@code except} and {@code except*} clauses: line of the keyword, enclosing scope, the caught types (each
 *       element of a tuple), see {@link PyHandler}.</li>
 * </ul>
 * Qualified names join the names of the enclosing {@code class} and {@code def} statements, found from
 * indentation: a statement belongs to the nearest preceding class or def header with smaller indentation.
 * {@code if}/{@code for}/{@code try}/{@code with} blocks do not add a name. Decorators are the {@code @} lines right
 * before a class or def (comment and blank lines between them are allowed).
 *
 * <p><b>Resolution.</b> Base and decorator expressions are reduced to a dotted name (see {@link PyReference}) and
 * resolved through the file's imports as {@link PythonFile} describes.
 */
public final class PythonScanner {
    private PythonScanner() {
    }

    /** Scans a file from disk; {@code relPath} is the path reported in the model. */
    public static PythonFile scanFile(Path file, String relPath) throws IOException {
        return scan(relPath, Files.readAllBytes(file));
    }

    /**
     * Scans raw file bytes, decoded as Python does: UTF-8, or the encoding a PEP 263 coding cookie on the first two
     * lines names when Java knows it (a UTF-8 byte-order mark wins); malformed sequences are replaced.
     */
    public static PythonFile scan(String path, byte[] bytes) {
        return scan(path, decode(bytes));
    }

    private static final Pattern CODING = Pattern.compile("^[ \\t\\f]*#.*?coding[:=][ \\t]*([-\\w.]+)");

    /** Decodes source bytes (see {@link #scan(String, byte[])}). */
    static String decode(byte[] bytes) {
        boolean bom = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF;
        if (!bom) {
            Charset cs = cookie(bytes);
            if (cs != null) {
                return new String(bytes, cs);
            }
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static Charset cookie(byte[] bytes) {
        int end = 0;
        for (int lineNo = 0; lineNo < 2 && end < bytes.length; lineNo++) {
            int start = end;
            while (end < bytes.length && bytes[end] != '\n' && bytes[end] != '\r') {
                end++;
            }
            String line = new String(bytes, start, end - start, StandardCharsets.ISO_8859_1);
            Matcher m = CODING.matcher(line);
            if (m.find()) {
                return charset(m.group(1));
            }
            if (!line.isBlank() && !line.stripLeading().startsWith("#")) {
                return null; // the cookie must be on a comment-only line among the first two
            }
            if (end < bytes.length && bytes[end] == '\r' && end + 1 < bytes.length && bytes[end + 1] == '\n') {
                end++;
            }
            end++;
        }
        return null;
    }

    private static Charset charset(String name) {
        String n = name.toLowerCase(Locale.ROOT).replace('_', '-');
        if (n.equals("utf-8") || n.startsWith("utf-8-")) {
            return null;
        }
        if (n.equals("latin-1") || n.startsWith("latin-1-") || n.equals("iso-8859-1") || n.startsWith("iso-8859-1-")
                || n.equals("iso-latin-1") || n.startsWith("iso-latin-1-")) {
            return StandardCharsets.ISO_8859_1;
        }
        try {
            return Charset.forName(n);
        } catch (RuntimeException e) {
            return null; // unknown to Java: UTF-8 with replacement keeps the ASCII structure
        }
    }

    /** Scans source text. Never throws: on an internal failure it returns what it had found up to that point. */
    public static PythonFile scan(String path, String source) {
        Run run = new Run(path, source == null ? "" : source);
        try {
            run.lex();
        } catch (RuntimeException e) {
            // a bug, not bad input: keep what was found rather than failing the whole search
        }
        return run.result();
    }

    /** As {@link #scan(String, String)}, but lets an internal failure through (for tests). */
    static PythonFile scanStrict(String path, String source) {
        Run run = new Run(path, source);
        run.lex();
        return run.result();
    }

    /**
     * The uses of {@code name} in a source text ({@link PyUse}): every token that is that name in code, in source
     * order. Not uses: the name of a {@code def} or {@code class} statement itself, a parameter's name (of a def or a
     * lambda), a keyword argument's name, and anything in a comment or a string (an f-string's replacement fields are
     * code). Never throws: on an internal failure it returns what it had found up to that point.
     */
    public static List<PyUse> uses(String path, String source, String name) {
        Run run = new Run(path, source == null ? "" : source);
        run.useName = Objects.requireNonNull(name);
        try {
            run.lex();
        } catch (RuntimeException e) {
            // as in scan: keep what was found
        }
        return List.copyOf(run.uses);
    }

    private static final int NAME = 1;
    private static final int NUMBER = 2;
    private static final int STRING = 3;
    private static final int OP = 4;

    private static final int MAX_TEXT = 300;
    private static final int MAX_PARENS = 16;

    private static final String[] OPS3 = {"**=", "//=", ">>=", "<<=", "..."};
    private static final String[] OPS2 = {"->", "**", "//", "<<", ">>", "<=", ">=", "==", "!=", ":=", "+=", "-=",
            "*=", "/=", "%=", "@=", "&=", "|=", "^="};
    private static final Set<String> COMPOUND = Set.of("if", "elif", "else", "try", "except", "finally", "while",
            "for", "with");
    /** Keywords: a parenthesis after one of them is not a call ({@code if (x)}, {@code return (y)}). */
    static final Set<String> KEYWORDS = Set.of("False", "None", "True", "and", "as", "assert", "async", "await",
            "break", "class", "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global",
            "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
            "with", "yield");

    /**
     * An enclosing class or def: its indentation, its qualified name, whether it is a class, and for a def its index in
     * the functions found (-1 for a class).
     */
    private record Scope(int indent, String name, String qualifiedName, boolean isClass, int function) {
    }

    private record RawRef(String text, String dotted) {
    }

    private record RawClass(String name, String qualifiedName, int line, List<RawRef> bases, List<RawRef> decorators,
                            RawRef metaclass) {
    }

    private record RawFunction(String name, String qualifiedName, int line, boolean async, List<RawRef> decorators,
                               List<PyParam> params, String returns, String ownerClass) {
    }

    private record RawRaise(int line, String scope, RawRef exception, String text) {
    }

    private record RawHandler(int line, String scope, List<RawRef> types, String text) {
    }

    /** The state of one scan. */
    private static final class Run {
        final String path;
        final String src;
        final int n;

        int pos;
        int line = 1;
        int depth;
        int physLineStart;

        // tokens of the current logical line
        int ntok;
        int[] kind = new int[64];
        int[] start = new int[64];
        int[] end = new int[64];
        int[] tline = new int[64];
        int[] tdepth = new int[64];
        int lineIndent;

        final List<Scope> stack = new ArrayList<>();
        final List<RawRef> pendingDecorators = new ArrayList<>();
        final List<RawClass> classes = new ArrayList<>();
        final List<RawFunction> functions = new ArrayList<>();
        /** Indexes into {@link #functions} of the generators. */
        final java.util.BitSet generators = new java.util.BitSet();
        /** Indexes into {@link #functions} and {@link #classes} of the defs and classes with a docstring. */
        final java.util.BitSet functionDocs = new java.util.BitSet();
        final java.util.BitSet classDocs = new java.util.BitSet();
        /** The def or class whose header ended its line, so its body's first statement is the next logical line. */
        java.util.BitSet bodyDocs;
        int bodyIndex;
        int bodyIndent;
        final List<PyImport> imports = new ArrayList<>();
        final List<PyComment> comments = new ArrayList<>();
        final List<RawRaise> raises = new ArrayList<>();
        final List<PyCall> calls = new ArrayList<>();
        final List<PyAssignment> assignments = new ArrayList<>();
        final List<PyExport> exports = new ArrayList<>();
        final List<Integer> mainGuards = new ArrayList<>();
        final List<RawHandler> handlers = new ArrayList<>();
        /** The name {@link PythonScanner#uses} looks for, or null in an ordinary scan. */
        String useName;
        final List<PyUse> uses = new ArrayList<>();

        Run(String path, String src) {
            this.path = path;
            this.src = src;
            this.n = src.length();
        }

        PythonFile result() {
            Map<String, Set<String>> bindings = PythonFile.bindings(imports);
            List<PyClass> cs = new ArrayList<>(classes.size());
            for (int i = 0; i < classes.size(); i++) {
                RawClass c = classes.get(i);
                cs.add(new PyClass(c.name(), c.qualifiedName(), c.line(), refs(c.bases(), bindings),
                        refs(c.decorators(), bindings), c.metaclass() == null ? null
                        : refs(List.of(c.metaclass()), bindings).getFirst(), classDocs.get(i)));
            }
            List<PyFunction> fs = new ArrayList<>(functions.size());
            for (int i = 0; i < functions.size(); i++) {
                RawFunction f = functions.get(i);
                fs.add(new PyFunction(f.name(), f.qualifiedName(), f.line(), f.async(), refs(f.decorators(), bindings),
                        f.params(), f.returns(), f.ownerClass(), generators.get(i), functionDocs.get(i)));
            }
            List<PyRaise> rs = new ArrayList<>(raises.size());
            for (RawRaise r : raises) {
                rs.add(new PyRaise(r.line(), r.scope(), r.exception() == null ? null
                        : refs(List.of(r.exception()), bindings).getFirst(), r.text()));
            }
            List<PyHandler> hs = new ArrayList<>(handlers.size());
            for (RawHandler h : handlers) {
                hs.add(new PyHandler(h.line(), h.scope(), refs(h.types(), bindings), h.text()));
            }
            return new PythonFile(path, lineCount(), cs, fs, imports, comments, rs, calls, assignments, exports,
                    mainGuards, hs);
        }

        private static List<PyReference> refs(List<RawRef> raw, Map<String, Set<String>> bindings) {
            if (raw.isEmpty()) {
                return List.of();
            }
            List<PyReference> out = new ArrayList<>(raw.size());
            for (RawRef r : raw) {
                out.add(new PyReference(r.text(), r.dotted(), PythonFile.resolve(bindings, r.dotted())));
            }
            return out;
        }

        private int lineCount() {
            if (n == 0) {
                return 0;
            }
            char last = src.charAt(n - 1);
            return last == '\n' || last == '\r' ? line - 1 : line;
        }

        // ---------------------------------------------------------------- lexer

        void lex() {
            if (n > 0 && src.charAt(0) == '\uFEFF') {
                pos = 1;
            }
            boolean atLineStart = true;
            while (pos < n) {
                if (atLineStart) {
                    int col = 0;
                    while (pos < n) {
                        char c = src.charAt(pos);
                        if (c == ' ') {
                            col++;
                        } else if (c == '\t') {
                            col = (col / 8 + 1) * 8;
                        } else if (c == '\f') {
                            col = 0;
                        } else {
                            break;
                        }
                        pos++;
                    }
                    atLineStart = false;
                    if (ntok == 0) {
                        lineIndent = col;
                    }
                    continue;
                }
                char c = src.charAt(pos);
                switch (c) {
                    case ' ', '\t', '\f' -> pos++;
                    case '\n', '\r' -> {
                        pos += (c == '\r' && pos + 1 < n && src.charAt(pos + 1) == '\n') ? 2 : 1;
                        newPhysicalLine();
                        if (depth == 0) {
                            flush();
                            atLineStart = true;
                        }
                    }
                    case '\\' -> {
                        if (pos + 1 < n && (src.charAt(pos + 1) == '\n' || src.charAt(pos + 1) == '\r')) {
                            pos += (src.charAt(pos + 1) == '\r' && pos + 2 < n && src.charAt(pos + 2) == '\n') ? 3 : 2;
                            newPhysicalLine();
                        } else {
                            pos++;
                        }
                    }
                    case '#' -> {
                        int e = pos;
                        while (e < n && src.charAt(e) != '\n' && src.charAt(e) != '\r') {
                            e++;
                        }
                        comments.add(new PyComment(line, stripTrailing(pos, e)));
                        pos = e;
                    }
                    case '\'', '"' -> {
                        int s = pos;
                        int sl = line;
                        pos = scanString(pos);
                        add(STRING, s, pos, sl);
                    }
                    case '(', '[', '{' -> {
                        add(OP, pos, pos + 1, line);
                        pos++;
                        depth++;
                    }
                    case ')', ']', '}' -> {
                        add(OP, pos, pos + 1, line);
                        pos++;
                        if (depth > 0) {
                            depth--;
                        }
                    }
                    default -> other(c);
                }
            }
            flush();
        }

        private void newPhysicalLine() {
            line++;
            physLineStart = pos;
        }

        private void other(char c) {
            if (isIdStart(c)) {
                int s = pos;
                pos++;
                while (pos < n && isIdPart(src.charAt(pos))) {
                    pos++;
                }
                if (pos < n && (src.charAt(pos) == '\'' || src.charAt(pos) == '"') && isStringPrefix(s, pos)) {
                    int sl = line;
                    pos = scanString(pos);
                    add(STRING, s, pos, sl);
                    return;
                }
                if (depth > 0 && (is(s, pos, "def") || is(s, pos, "class")) && onlySpaceBefore(s)) {
                    // a def or class inside open brackets is never valid: close them and start a new line
                    flush();
                    depth = 0;
                    lineIndent = column(s);
                }
                add(NAME, s, pos, line);
                return;
            }
            if ((c >= '0' && c <= '9') || (c == '.' && pos + 1 < n && isDigit(src.charAt(pos + 1)))) {
                int s = pos;
                boolean hex = c == '0' && pos + 1 < n && (src.charAt(pos + 1) == 'x' || src.charAt(pos + 1) == 'X');
                pos++;
                while (pos < n) {
                    char d = src.charAt(pos);
                    if (isAsciiAlnum(d) || d == '_' || d == '.') {
                        pos++;
                    } else if ((d == '+' || d == '-') && !hex && (src.charAt(pos - 1) == 'e' || src.charAt(pos - 1) == 'E')) {
                        pos++;
                    } else {
                        break;
                    }
                }
                add(NUMBER, s, pos, line);
                return;
            }
            if ("+-*/%@&|^~<>=!:;,.".indexOf(c) >= 0) {
                int len = 1;
                if (matchesAny(OPS3, 3)) {
                    len = 3;
                } else if (matchesAny(OPS2, 2)) {
                    len = 2;
                }
                add(OP, pos, pos + len, line);
                pos += len;
                return;
            }
            pos++; // a character Python would reject ($, ?, backtick, control characters, U+FFFD...)
        }

        private boolean matchesAny(String[] ops, int len) {
            if (pos + len > n) {
                return false;
            }
            for (String op : ops) {
                if (src.startsWith(op, pos)) {
                    return true;
                }
            }
            return false;
        }

        private boolean onlySpaceBefore(int s) {
            for (int i = physLineStart; i < s; i++) {
                char c = src.charAt(i);
                if (c != ' ' && c != '\t' && c != '\f') {
                    return false;
                }
            }
            return true;
        }

        private int column(int s) {
            int col = 0;
            for (int i = physLineStart; i < s; i++) {
                char c = src.charAt(i);
                col = c == '\t' ? (col / 8 + 1) * 8 : c == '\f' ? 0 : col + 1;
            }
            return col;
        }

        /** Returns the position after the string literal whose opening quote is at {@code q}. */
        private int scanString(int q) {
            char quote = src.charAt(q);
            boolean triple = q + 2 < n && src.charAt(q + 1) == quote && src.charAt(q + 2) == quote;
            int p = q + (triple ? 3 : 1);
            while (p < n) {
                char c = src.charAt(p);
                if (c == '\\') {
                    if (p + 1 >= n) {
                        return n;
                    }
                    char d = src.charAt(p + 1);
                    if (d == '\n' || d == '\r') {
                        p += (d == '\r' && p + 2 < n && src.charAt(p + 2) == '\n') ? 3 : 2;
                        pos = p;
                        newPhysicalLine();
                    } else {
                        p += 2;
                    }
                } else if (c == quote) {
                    if (!triple) {
                        return p + 1;
                    }
                    if (p + 2 < n && src.charAt(p + 1) == quote && src.charAt(p + 2) == quote) {
                        return p + 3;
                    }
                    p++;
                } else if (c == '\n' || c == '\r') {
                    if (!triple) {
                        return p; // unterminated: the line break ends it
                    }
                    p += (c == '\r' && p + 1 < n && src.charAt(p + 1) == '\n') ? 2 : 1;
                    pos = p;
                    newPhysicalLine();
                } else {
                    p++;
                }
            }
            return n;
        }

        private boolean isStringPrefix(int s, int e) {
            int len = e - s;
            if (len == 1) {
                return "rRbBuUfFtT".indexOf(src.charAt(s)) >= 0;
            }
            if (len == 2) {
                char a = Character.toLowerCase(src.charAt(s));
                char b = Character.toLowerCase(src.charAt(s + 1));
                return (a == 'r' && (b == 'b' || b == 'f' || b == 't')) || (b == 'r' && (a == 'b' || a == 'f' || a == 't'));
            }
            return false;
        }

        private void add(int k, int s, int e, int ln) {
            if (ntok == kind.length) {
                int cap = ntok * 2;
                kind = Arrays.copyOf(kind, cap);
                start = Arrays.copyOf(start, cap);
                end = Arrays.copyOf(end, cap);
                tline = Arrays.copyOf(tline, cap);
                tdepth = Arrays.copyOf(tdepth, cap);
            }
            kind[ntok] = k;
            start[ntok] = s;
            end[ntok] = e;
            tline[ntok] = ln;
            ntok++;
        }

        private void flush() {
            if (ntok > 0) {
                logicalLine();
                ntok = 0;
            }
        }

        // ---------------------------------------------------------------- statements

        private void logicalLine() {
            int d = 0;
            for (int i = 0; i < ntok; i++) {
                if (kind[i] == OP && end[i] - start[i] == 1) {
                    char c = src.charAt(start[i]);
                    if (c == '(' || c == '[' || c == '{') {
                        tdepth[i] = d++;
                        continue;
                    }
                    if (c == ')' || c == ']' || c == '}') {
                        d = Math.max(0, d - 1);
                        tdepth[i] = d;
                        continue;
                    }
                }
                tdepth[i] = d;
            }
            int indent = lineIndent;
            if (bodyDocs != null) {
                if (indent > bodyIndent && !isOp(0, '@') && docstring(0, ntok)) {
                    bodyDocs.set(bodyIndex);
                }
                bodyDocs = null;
            }
            while (!stack.isEmpty() && stack.getLast().indent() >= indent) {
                stack.removeLast();
            }
            if (useName != null) {
                uses(0, ntok);
            }
            if (isOp(0, '@')) {
                calls(1, ntok);
                yields(1, ntok);
                pendingDecorators.add(ref(1, ntok, false));
                return;
            }
            statement(0, ntok, indent);
            pendingDecorators.clear();
        }

        private void statement(int a, int b, int indent) {
            if (a >= b) {
                return;
            }
            if (isName(a, "async") && a + 1 < b && isName(a + 1, "def")) {
                def(a + 1, b, indent, tline[a], true);
                return;
            }
            if (isName(a, "def")) {
                def(a, b, indent, tline[a], false);
                return;
            }
            if (isName(a, "class")) {
                classDef(a, b, indent);
                return;
            }
            yields(a, b);
            int k = a;
            if (isName(k, "async") && k + 1 < b && (isName(k + 1, "for") || isName(k + 1, "with"))) {
                k++;
            }
            if (kind[k] == NAME && COMPOUND.contains(text(k))) {
                int colon = findTop(k + 1, b, ':');
                if (isName(k, "if") && stack.isEmpty() && colon > k && mainTest(k + 1, colon)) {
                    mainGuards.add(tline[k]);
                }
                if (isName(k, "except")) {
                    handler(k, colon >= 0 ? colon : b);
                }
                calls(k, colon >= 0 ? colon : b);
                if (colon >= 0) {
                    simpleStatements(colon + 1, b);
                }
                return;
            }
            if ((isName(a, "match") || isName(a, "case")) && a + 1 < b && isOp(b - 1, ':') && !isOp(a + 1, '=')
                    && !isOp(a + 1, '.') && !isOp(a + 1, ':')) {
                // a match statement or case clause (soft keywords): class patterns are not calls, a guard may hold some
                int guard = a + 1;
                if (isName(a, "case")) {
                    while (guard < b - 1 && !(tdepth[guard] == 0 && isName(guard, "if"))) {
                        guard++;
                    }
                }
                calls(guard, b - 1);
                return;
            }
            simpleStatements(a, b);
        }

        /** True when tokens [a, b) are exactly {@code __name__ == "__main__"} (either order), maybe in parentheses. */
        private boolean mainTest(int a, int b) {
            while (b - a >= 2 && isOp(a, '(') && isOp(b - 1, ')') && matching(a, b) == b - 1) {
                a++;
                b--;
            }
            if (b - a != 3 || !isOp(a + 1, "==")) {
                return false;
            }
            return isName(a, "__name__") && mainString(a + 2) || mainString(a) && isName(a + 2, "__name__");
        }

        private boolean mainString(int i) {
            return kind[i] == STRING && "__main__".equals(stringValue(text(i)));
        }

        /**
         * Records the except clause whose keyword is token {@code k} and whose header ends before {@code e}: an
         * optional {@code *}, the type expression up to a top-level {@code as}, the bound name.
         */
        private void handler(int k, int e) {
            int s = k + 1;
            boolean star = s < e && isOp(s, '*');
            if (star) {
                s++;
            }
            int as = e;
            for (int i = s; i < e; i++) {
                if (tdepth[i] == 0 && isName(i, "as")) {
                    as = i;
                    break;
                }
            }
            List<RawRef> types = new ArrayList<>();
            caught(s, as, types, 0);
            StringBuilder sb = new StringBuilder(star ? "except*" : "except");
            if (as > s) {
                sb.append(' ').append(render(s, as));
            }
            if (as + 1 < e && kind[as + 1] == NAME) {
                sb.append(" as ").append(text(as + 1));
            }
            handlers.add(new RawHandler(tline[k], scopeName(), types, sb.toString()));
        }

        /**
         * Adds the caught types of the expression [a, b) to {@code out} ({@link PyHandler#types}): each element of a
         * tuple, nested tuples flattened and enclosing parentheses dropped, else the expression itself, by its dotted
         * name when it is one.
         */
        private void caught(int a, int b, List<RawRef> out, int nesting) {
            if (a >= b) {
                return;
            }
            if (nesting < MAX_PARENS) {
                int d = tdepth[a];
                boolean tuple = false;
                for (int i = a; i < b && !tuple; i++) {
                    tuple = tdepth[i] == d && isOp(i, ',');
                }
                if (tuple) {
                    int s = a;
                    for (int i = a; i <= b; i++) {
                        if (i == b || (tdepth[i] == d && isOp(i, ','))) {
                            caught(s, i, out, nesting + 1);
                            s = i + 1;
                        }
                    }
                    return;
                }
                if (b - a > 2 && isOp(a, '(') && matching(a, b) == b - 1) {
                    caught(a + 1, b - 1, out, nesting + 1);
                    return;
                }
            }
            StringBuilder sb = new StringBuilder();
            out.add(new RawRef(render(a, b), dotted(a, b, sb, 0) == b ? sb.toString() : null));
        }

        /**
         * Records the tokens among [a, b) that are {@link #useName} and are uses of it ({@link PythonScanner#uses}),
         * in the current scope.
         */
        private void uses(int a, int b) {
            for (int i = a; i < b; i++) {
                if (kind[i] != NAME || !is(start[i], end[i], useName)) {
                    continue;
                }
                if (i > a && (isName(i - 1, "def") || isName(i - 1, "class"))) {
                    continue; // the definition itself
                }
                boolean listStart = i > a && (isOp(i - 1, '(') || isOp(i - 1, ','));
                if (listStart && tdepth[i] >= 1 && i + 1 < b && isOp(i + 1, '=')) {
                    continue; // a keyword argument's name, or a parameter's with a default
                }
                if (i > a && (listStart || isOp(i - 1, '*') || isOp(i - 1, "**") || isOp(i - 1, '/')
                        || isName(i - 1, "lambda")) && parameter(a, i)) {
                    continue;
                }
                int first = i;
                while (first - 2 >= a && isOp(first - 1, '.') && kind[first - 2] == NAME) {
                    first -= 2;
                }
                String chain = null;
                if (!(first - 1 >= a && (isOp(first - 1, '.') || isOp(first - 1, "...")))) {
                    StringBuilder sb = new StringBuilder(text(first));
                    for (int j = first + 2; j <= i; j += 2) {
                        sb.append('.').append(text(j));
                    }
                    chain = sb.toString();
                }
                uses.add(new PyUse(tline[i], scopeName(), chain, sourceLine(start[i])));
            }
        }

        /** True when token {@code i} is a parameter's name: in a def header's parameter list, or a lambda's. */
        private boolean parameter(int a, int i) {
            int d = a;
            if (isName(d, "async")) {
                d++;
            }
            if (isName(d, "def") && d + 2 < ntok) {
                int j = d + 2;
                if (isOp(j, '[')) {
                    j = matching(j, ntok) + 1;
                }
                if (j < ntok && isOp(j, '(')) {
                    int close = matching(j, ntok);
                    if (i > j && i < close) {
                        return tdepth[i] == tdepth[j] + 1;
                    }
                }
            }
            for (int j = i - 1; j >= a && tdepth[j] >= tdepth[i]; j--) {
                if (tdepth[j] != tdepth[i]) {
                    continue;
                }
                if (isName(j, "lambda")) {
                    return true;
                }
                if (isOp(j, ':') || isOp(j, ":=") || kind[j] == STRING) {
                    return false;
                }
            }
            return false;
        }

        /** The physical line holding {@code offset}, stripped and at most 200 characters. */
        private String sourceLine(int offset) {
            int s = src.lastIndexOf('\n', Math.max(0, offset - 1)) + 1;
            if (offset == 0) {
                s = 0;
            }
            int e = src.indexOf('\n', offset);
            String t = src.substring(s, e < 0 ? n : e).strip();
            return t.length() > 200 ? t.substring(0, 200) + "..." : t;
        }

        /** The qualified name of the innermost enclosing def or class, or {@link PyCall#MODULE}. */
        private String scopeName() {
            return stack.isEmpty() ? PyCall.MODULE : stack.getLast().qualifiedName();
        }

        /** Records the calls among tokens [a, b) in the current scope. */
        private void calls(int a, int b) {
            for (int i = a; i < b; i++) {
                if (kind[i] == STRING) {
                    fstringCalls(i);
                    continue;
                }
                if (i + 1 >= b || kind[i] != NAME || !isOp(i + 1, '(') || KEYWORDS.contains(text(i))) {
                    continue;
                }
                if (i > 0 && (isName(i - 1, "def") || isName(i - 1, "class"))) {
                    continue;
                }
                int first = i;
                while (first - 2 >= a && isOp(first - 1, '.') && kind[first - 2] == NAME && !KEYWORDS.contains(text(first - 2))) {
                    first -= 2;
                }
                String dotted = null;
                boolean afterDot = first - 1 >= 0 && (isOp(first - 1, '.') || isOp(first - 1, "..."));
                if (!afterDot) {
                    StringBuilder sb = new StringBuilder(text(first));
                    for (int j = first + 2; j <= i; j += 2) {
                        sb.append('.').append(text(j));
                    }
                    dotted = sb.toString();
                }
                calls.add(new PyCall(tline[i], text(i), dotted, scopeName()));
            }
        }

        /**
         * Records the calls in the replacement fields of string token {@code tok} when it is an f-string: each field's
         * expression (up to a top-level {@code !} conversion, {@code :} format spec or closing brace) is lexed into a
         * fresh token buffer and passed to {@link #calls}, which recurses into nested f-strings; fields nested in a
         * format spec are handled the same way. Lines count from the token's first line, so a call gets the line its
         * name is on, as CPython 3.11's {@code ast} reports it. {@code {{} and {@code }}} are literal braces.
         */
        private void fstringCalls(int tok) {
            int s = start[tok];
            int e = end[tok];
            int p = s;
            boolean f = false;
            boolean raw = false;
            while (p < e && Character.isLetter(src.charAt(p))) {
                char c = Character.toLowerCase(src.charAt(p));
                if (c == 'b' || c == 't') {
                    return;
                }
                f |= c == 'f';
                raw |= c == 'r';
                p++;
            }
            if (!f || p >= e) {
                return;
            }
            char q = src.charAt(p);
            boolean triple = p + 3 <= e && src.charAt(p + 1) == q && src.charAt(p + 2) == q;
            int from = p + (triple ? 3 : 1);
            int to = e;
            if (triple && to - from >= 3 && src.charAt(to - 1) == q && src.charAt(to - 2) == q && src.charAt(to - 3) == q) {
                to -= 3;
            } else if (!triple && to > from && src.charAt(to - 1) == q) {
                to--;
            }
            int[] sKind = kind;
            int[] sStart = start;
            int[] sEnd = end;
            int[] sLine = tline;
            int[] sDepth = tdepth;
            int sN = ntok;
            int sPos = pos;
            int sLineNo = line;
            int sPhys = physLineStart;
            int sDepthNow = depth;
            try {
                kind = new int[16];
                start = new int[16];
                end = new int[16];
                tline = new int[16];
                tdepth = new int[16];
                ntok = 0;
                depth = 0;
                line = sLine[tok];
                p = from;
                while (p < to) {
                    char c = src.charAt(p);
                    if (c == '\\') {
                        char next = p + 1 < to ? src.charAt(p + 1) : ' ';
                        if (!raw && next == 'N' && p + 2 < to && src.charAt(p + 2) == '{') {
                            p += 3;
                            while (p < to && src.charAt(p) != '}' && src.charAt(p) != q) {
                                p++;
                            }
                            if (p < to && src.charAt(p) == '}') {
                                p++;
                            }
                        } else {
                            // a backslash escapes neither brace; a line break after it is still counted
                            p += next == '{' || next == '}' || next == '\n' || next == '\r' ? 1 : 2;
                        }
                    } else if (c == '{') {
                        if (p + 1 < to && src.charAt(p + 1) == '{') {
                            p += 2;
                        } else {
                            p = field(p + 1, to, 0);
                        }
                    } else if (c == '}') {
                        p += p + 1 < to && src.charAt(p + 1) == '}' ? 2 : 1;
                    } else {
                        p = step(p);
                    }
                }
            } finally {
                kind = sKind;
                start = sStart;
                end = sEnd;
                tline = sLine;
                tdepth = sDepth;
                ntok = sN;
                pos = sPos;
                line = sLineNo;
                physLineStart = sPhys;
                depth = sDepthNow;
            }
        }

        /** Moves past the character at {@code p}, counting a line break. */
        private int step(int p) {
            char c = src.charAt(p);
            if (c == '\n' || (c == '\r' && !(p + 1 < n && src.charAt(p + 1) == '\n'))) {
                pos = p + 1;
                newPhysicalLine();
            }
            return p + 1;
        }

        /**
         * Records the calls of the f-string replacement field whose expression starts at {@code p} (after the opening
         * brace) and returns the position after its closing brace ({@code to} at most).
         */
        private int field(int p, int to, int nesting) {
            ntok = 0;
            int d = 0;
            while (p < to) {
                char c = src.charAt(p);
                if (d == 0 && (c == '}' || c == ':' || (c == '!' && !(p + 1 < to && src.charAt(p + 1) == '=')))) {
                    break;
                }
                switch (c) {
                    case '\'', '"' -> {
                        int sl = line;
                        int e = Math.min(scanString(p), to);
                        add(STRING, p, e, sl);
                        p = e;
                    }
                    case '(', '[', '{' -> {
                        add(OP, p, p + 1, line);
                        d++;
                        p++;
                    }
                    case ')', ']', '}' -> {
                        add(OP, p, p + 1, line);
                        d = Math.max(0, d - 1);
                        p++;
                    }
                    case ' ', '\t', '\f', '\n', '\r', '\\', '#' -> p = step(p);
                    default -> {
                        pos = p;
                        other(c);
                        p = Math.min(pos, to);
                        if (ntok > 0 && end[ntok - 1] > to) {
                            end[ntok - 1] = to;
                        }
                    }
                }
            }
            if (useName != null) {
                uses(0, ntok);
            }
            calls(0, ntok);
            ntok = 0;
            if (p < to && src.charAt(p) == '!') {
                while (p < to && src.charAt(p) != ':' && src.charAt(p) != '}') {
                    p = step(p);
                }
            }
            if (p < to && src.charAt(p) == ':') {
                p++;
                while (p < to && src.charAt(p) != '}') {
                    p = src.charAt(p) == '{' && nesting < MAX_PARENS ? field(p + 1, to, nesting + 1) : step(p);
                }
            }
            return p < to ? p + 1 : p;
        }

        private void def(int defIdx, int b, int indent, int keywordLine, boolean async) {
            if (defIdx + 1 >= b || kind[defIdx + 1] != NAME) {
                return;
            }
            String name = text(defIdx + 1);
            int j = defIdx + 2;
            if (j < b && isOp(j, '[')) {
                j = matching(j, b) + 1; // PEP 695 type parameters
            }
            List<PyParam> params = List.of();
            int after = j;
            if (j < b && isOp(j, '(')) {
                int close = matching(j, b);
                params = params(j, close);
                after = close + 1;
            }
            int colon = findTop(after, b, ':');
            String returns = null;
            if (after < b && isOp(after, "->")) {
                int e = colon >= 0 ? colon : b;
                if (e > after + 1) {
                    returns = render(after + 1, e);
                }
            }
            String owner = !stack.isEmpty() && stack.getLast().isClass() ? stack.getLast().qualifiedName() : null;
            calls(defIdx, colon >= 0 ? colon : b);
            yields(defIdx, colon >= 0 ? colon : b); // defaults and annotations: the enclosing scope's
            String qualified = qualify(name);
            functions.add(new RawFunction(name, qualified, keywordLine, async, List.copyOf(pendingDecorators), params,
                    returns, owner));
            stack.add(new Scope(indent, name, qualified, false, functions.size() - 1));
            body(functionDocs, functions.size() - 1, indent, colon, b);
            if (colon >= 0) {
                yields(colon + 1, b);
                simpleStatements(colon + 1, b);
            }
        }

        /**
         * Where the body of the def or class at {@code index} (header colon at {@code colon}, -1 when missing) begins:
         * after the colon on the same line, whose first statement is checked now, or on the next logical line
         * ({@link #logicalLine} checks it there).
         */
        private void body(java.util.BitSet docs, int index, int indent, int colon, int b) {
            if (colon >= 0 && colon + 1 < b) {
                if (docstring(colon + 1, b)) {
                    docs.set(index);
                }
                return;
            }
            bodyDocs = docs;
            bodyIndex = index;
            bodyIndent = indent;
        }

        /**
         * True when the simple statement at token {@code a} (up to a top-level {@code ;} or {@code b}) is a docstring:
         * one or more adjacent plain string literals, maybe in parentheses.
         */
        private boolean docstring(int a, int b) {
            int e = findTop(a, b, ';');
            if (e < 0) {
                e = b;
            }
            while (e - a >= 2 && isOp(a, '(') && matching(a, e) == e - 1) {
                a++;
                e--;
            }
            if (a >= e) {
                return false;
            }
            for (int i = a; i < e; i++) {
                if (kind[i] != STRING || stringValue(text(i)) == null) {
                    return false;
                }
            }
            return true;
        }

        /**
         * Marks the innermost enclosing def (when the innermost scope is a def, not a class) as a generator if tokens
         * [a, b) hold a {@code yield} that is not inside a lambda. {@code yield} is a keyword, so a NAME token spelled
         * so is one; strings and comments are not NAME tokens.
         */
        private void yields(int a, int b) {
            if (stack.isEmpty() || stack.getLast().isClass()) {
                return;
            }
            int fn = stack.getLast().function();
            if (generators.get(fn)) {
                return;
            }
            for (int i = a; i < b; i++) {
                if (isName(i, "yield") && !inLambda(a, i)) {
                    generators.set(fn);
                    return;
                }
            }
        }

        /**
         * True if token {@code y} is in the body of a lambda that starts in [a, y): after the lambda's own colon, with
         * no token between at a smaller bracket depth than the lambda's and none at its depth that ends its body
         * ({@code ,}, {@code :}, {@code for}, {@code async}). A lambda in the parameter defaults counts through its
         * colon.
         */
        private boolean inLambda(int a, int y) {
            for (int l = y - 1; l >= a; l--) {
                if (!isName(l, "lambda") || tdepth[l] > tdepth[y]) {
                    continue;
                }
                int d = tdepth[l];
                int pending = 1;
                boolean body = false;
                boolean open = true;
                for (int k = l + 1; k < y && open; k++) {
                    if (tdepth[k] < d) {
                        open = false;
                    } else if (tdepth[k] == d) {
                        if (!body) {
                            if (isName(k, "lambda")) {
                                pending++;
                            } else if (isOp(k, ':') && --pending == 0) {
                                body = true;
                            }
                        } else if (isOp(k, ',') || isOp(k, ':') || isName(k, "for") || isName(k, "async")) {
                            open = false;
                        }
                    }
                }
                if (open && body) {
                    return true;
                }
            }
            return false;
        }

        /**
         * The parameters between the parenthesis at {@code open} and its match {@code close}: split at commas one level
         * in (a lambda's own parameters in a default value are not split), {@code /} and bare {@code *} skipped.
         */
        private List<PyParam> params(int open, int close) {
            List<PyParam> out = new ArrayList<>();
            int inner = tdepth[open] + 1;
            int s = open + 1;
            boolean lambdaParams = false;
            for (int i = s; i <= close && i < ntok; i++) {
                if (i < close && tdepth[i] == inner) {
                    if (isName(i, "lambda")) {
                        lambdaParams = true;
                    } else if (lambdaParams && isOp(i, ':')) {
                        lambdaParams = false;
                    }
                }
                if (i == close || (tdepth[i] == inner && isOp(i, ',') && !lambdaParams)) {
                    param(s, i, inner, out);
                    s = i + 1;
                }
            }
            return out;
        }

        private void param(int s, int e, int inner, List<PyParam> out) {
            if (s < e && (isOp(s, '*') || isOp(s, "**"))) {
                s++;
            }
            if (s >= e || kind[s] != NAME) {
                return; // '/', a bare '*', or an empty trailing segment
            }
            String annotation = null;
            if (s + 1 < e && isOp(s + 1, ':')) {
                int stop = e;
                for (int i = s + 2; i < e; i++) {
                    if (tdepth[i] == inner && isOp(i, '=')) {
                        stop = i;
                        break;
                    }
                }
                if (stop > s + 2) {
                    annotation = render(s + 2, stop);
                }
            }
            out.add(new PyParam(text(s), annotation));
        }

        private void classDef(int classIdx, int b, int indent) {
            if (classIdx + 1 >= b || kind[classIdx + 1] != NAME) {
                return;
            }
            String name = text(classIdx + 1);
            int j = classIdx + 2;
            if (j < b && isOp(j, '[')) {
                j = matching(j, b) + 1;
            }
            List<RawRef> bases = new ArrayList<>();
            RawRef metaclass = null;
            if (j < b && isOp(j, '(')) {
                int close = matching(j, b);
                int inner = tdepth[j] + 1;
                int s = j + 1;
                for (int i = s; i <= close && i <= b; i++) {
                    if (i == close || i == b || (tdepth[i] == inner && isOp(i, ','))) {
                        int e = Math.min(i, b);
                        if (e - s >= 3 && isName(s, "metaclass") && isOp(s + 1, '=')) {
                            metaclass = ref(s + 2, e, true);
                        } else {
                            base(s, e, bases);
                        }
                        s = i + 1;
                    }
                }
                j = close + 1;
            }
            String qualified = qualify(name);
            classes.add(new RawClass(name, qualified, tline[classIdx], bases, List.copyOf(pendingDecorators),
                    metaclass));
            int colon = findTop(j, b, ':');
            calls(classIdx, colon >= 0 ? colon : b);
            yields(classIdx, colon >= 0 ? colon : b); // bases: the enclosing scope's
            stack.add(new Scope(indent, name, qualified, true, -1));
            body(classDocs, classes.size() - 1, indent, colon, b);
            if (colon >= 0) {
                simpleStatements(colon + 1, b);
            }
        }

        private void base(int s, int e, List<RawRef> out) {
            if (s >= e) {
                return;
            }
            if (isOp(s, "*") || isOp(s, "**")) {
                return;
            }
            if (e - s >= 2 && kind[s] == NAME && isOp(s + 1, '=')) {
                return; // keyword argument (metaclass=..., total=False)
            }
            out.add(ref(s, e, true));
        }

        /** A base ({@code base} true: one trailing subscript dropped) or decorator (one trailing call dropped). */
        private RawRef ref(int a, int b, boolean base) {
            String text = render(a, b);
            for (int k = 0; k < MAX_PARENS && b - a >= 2 && isOp(a, '(') && matching(a, b) == b - 1; k++) {
                a++;
                b--;
            }
            StringBuilder sb = new StringBuilder();
            int p = dotted(a, b, sb, 0);
            String dotted = null;
            if (p >= 0 && (p == b || (isOp(p, base ? '[' : '(') && matching(p, b) == b - 1))) {
                dotted = sb.toString();
            }
            return new RawRef(text, dotted);
        }

        /**
         * Parses {@code primary ('.' NAME)*} at {@code a}, where a primary is a NAME or a parenthesised dotted name,
         * appending the dotted name to {@code sb}; returns the index after it, or -1.
         */
        private int dotted(int a, int b, StringBuilder sb, int nesting) {
            int p;
            if (a >= b) {
                return -1;
            }
            if (kind[a] == NAME) {
                sb.append(src, start[a], end[a]);
                p = a + 1;
            } else if (isOp(a, '(') && nesting < MAX_PARENS) {
                int close = matching(a, b);
                if (close >= b || dotted(a + 1, close, sb, nesting + 1) != close) {
                    return -1;
                }
                p = close + 1;
            } else {
                return -1;
            }
            while (p + 1 < b && isOp(p, '.') && kind[p + 1] == NAME) {
                sb.append('.').append(src, start[p + 1], end[p + 1]);
                p += 2;
            }
            return p;
        }

        private String render(int a, int b) {
            StringBuilder sb = new StringBuilder();
            for (int i = a; i < b && sb.length() <= MAX_TEXT; i++) {
                if (i > a && ((kind[i - 1] != OP && kind[i] != OP) || isOp(i - 1, ','))) {
                    sb.append(' ');
                }
                sb.append(src, start[i], end[i]);
            }
            if (sb.length() > MAX_TEXT) {
                sb.setLength(MAX_TEXT);
                sb.append("...");
            }
            return sb.toString();
        }

        private void simpleStatements(int a, int b) {
            int s = a;
            for (int i = a; i <= b; i++) {
                if (i == b || (tdepth[i] == 0 && isOp(i, ';'))) {
                    if (s < i) {
                        if (isName(s, "import")) {
                            importStatement(s, i);
                        } else if (isName(s, "from")) {
                            fromImport(s, i);
                        } else {
                            calls(s, i);
                            if (isName(s, "raise")) {
                                raise(s, i);
                            } else if (stack.isEmpty()) {
                                moduleStatement(s, i);
                            }
                        }
                    }
                    s = i + 1;
                }
            }
        }

        private void importStatement(int s, int e) {
            int ln = tline[s];
            int i = s + 1;
            while (i < e && kind[i] == NAME) {
                StringBuilder m = new StringBuilder(text(i));
                i++;
                while (i + 1 < e && isOp(i, '.') && kind[i + 1] == NAME) {
                    m.append('.').append(src, start[i + 1], end[i + 1]);
                    i += 2;
                }
                String alias = null;
                if (i + 1 < e && isName(i, "as") && kind[i + 1] == NAME) {
                    alias = text(i + 1);
                    i += 2;
                }
                imports.add(new PyImport(ln, false, 0, m.toString(), null, alias, stack.isEmpty()));
                if (i < e && isOp(i, ',')) {
                    i++;
                } else {
                    break;
                }
            }
        }

        private void fromImport(int s, int e) {
            int ln = tline[s];
            int i = s + 1;
            int level = 0;
            while (i < e && (isOp(i, '.') || isOp(i, "..."))) {
                level += end[i] - start[i];
                i++;
            }
            String module = null;
            if (i < e && kind[i] == NAME && !isName(i, "import")) {
                StringBuilder m = new StringBuilder(text(i));
                i++;
                while (i + 1 < e && isOp(i, '.') && kind[i + 1] == NAME) {
                    m.append('.').append(src, start[i + 1], end[i + 1]);
                    i += 2;
                }
                module = m.toString();
            }
            if (i >= e || !isName(i, "import") || (level == 0 && module == null)) {
                return;
            }
            i++;
            if (i < e && isOp(i, '(')) {
                i++;
            }
            if (i < e && isOp(i, '*')) {
                imports.add(new PyImport(ln, true, level, module, "*", null, stack.isEmpty()));
                return;
            }
            while (i < e && kind[i] == NAME) {
                String name = text(i);
                i++;
                String alias = null;
                if (i + 1 < e && isName(i, "as") && kind[i + 1] == NAME) {
                    alias = text(i + 1);
                    i += 2;
                }
                imports.add(new PyImport(ln, true, level, module, name, alias, stack.isEmpty()));
                if (i < e && isOp(i, ',')) {
                    i++;
                } else {
                    break;
                }
            }
        }

        private void raise(int s, int e) {
            RawRef exception = null;
            if (s + 1 < e) {
                int stop = e;
                for (int i = s + 1; i < e; i++) {
                    if (tdepth[i] == 0 && isName(i, "from")) {
                        stop = i;
                        break;
                    }
                }
                if (stop > s + 1) {
                    exception = ref(s + 1, stop, false);
                }
            }
            raises.add(new RawRaise(tline[s], scopeName(), exception, render(s, e)));
        }

        /** A module-level simple statement: assignments to plain names, and {@code __all__} in its forms. */
        private void moduleStatement(int s, int e) {
            if (isName(s, "__all__") && s + 1 < e) {
                if (isOp(s + 1, "+=")) {
                    exportValue(s + 2, e);
                    return;
                }
                if (s + 4 < e && isOp(s + 1, '.') && (isName(s + 2, "extend") || isName(s + 2, "append"))
                        && isOp(s + 3, '(') && matching(s + 3, e) == e - 1) {
                    if (isName(s + 2, "append")) {
                        exportElement(s + 4, e - 1);
                    } else {
                        exportValue(s + 4, e - 1);
                    }
                    return;
                }
            }
            List<Integer> eq = new ArrayList<>();
            for (int i = s; i < e; i++) {
                if (tdepth[i] == 0 && isOp(i, '=')) {
                    eq.add(i);
                }
            }
            if (eq.isEmpty()) {
                return;
            }
            int valueStart = eq.getLast() + 1;
            if (valueStart >= e) {
                return;
            }
            String alias = null;
            String callee = null;
            String value = render(valueStart, e);
            StringBuilder sb = new StringBuilder();
            int p = dotted(valueStart, e, sb, 0);
            if (p == e) {
                alias = sb.toString();
            } else if (p > valueStart && isOp(p, '(') && matching(p, e) == e - 1) {
                String d = sb.toString();
                callee = d.substring(d.lastIndexOf('.') + 1);
            }
            if (kind[s] == NAME && s + 1 < e && isOp(s + 1, ':')) {
                // annotated: NAME: T = value
                if (eq.size() == 1) {
                    assignTarget(s, s + 1, alias, callee, value);
                    if (isName(s, "__all__")) {
                        exportValue(valueStart, e);
                    }
                }
                return;
            }
            int t = s;
            boolean all = false;
            for (int q : eq) {
                assignTarget(t, q, alias, callee, value);
                all |= q - t == 1 && isName(t, "__all__");
                t = q + 1;
            }
            if (all) {
                exportValue(valueStart, e);
            }
        }

        /** One assignment target [a, b): a name, or names in a (possibly bracketed, possibly nested) tuple or list. */
        private void assignTarget(int a, int b, String alias, String callee, String value) {
            if (b - a == 1 && kind[a] == NAME) {
                String name = text(a);
                assignments.add(new PyAssignment(tline[a], name, alias, callee, value));
                return;
            }
            if (b - a >= 2 && (isOp(a, '(') || isOp(a, '[')) && matching(a, b) == b - 1) {
                a++;
                b--;
            }
            int depth = a < b ? tdepth[a] : 0;
            int s = a;
            for (int i = a; i <= b; i++) {
                if (i == b || (tdepth[i] == depth && isOp(i, ','))) {
                    int x = s;
                    if (x < i && isOp(x, '*')) {
                        x++;
                    }
                    if (i - x == 1 && kind[x] == NAME) {
                        assignments.add(new PyAssignment(tline[x], text(x), null, callee, value));
                    } else if (i - x >= 2 && (isOp(x, '(') || isOp(x, '[')) && matching(x, i) == i - 1) {
                        assignTarget(x, i, null, callee, value);
                    }
                    s = i + 1;
                }
            }
        }

        /** The string elements of {@code [..] + (..) + ...} or of an unbracketed tuple, in [a, b). */
        private void exportValue(int a, int b) {
            if (a >= b) {
                return;
            }
            if (b - a >= 2 && isOp(a, '(') && matching(a, b) == b - 1) {
                boolean tuple = false;
                for (int i = a + 1; i < b - 1 && !tuple; i++) {
                    tuple = tdepth[i] == tdepth[a] + 1 && isOp(i, ',');
                }
                if (!tuple) {
                    exportValue(a + 1, b - 1); // "__all__ = (['a', 'b'] + other.__all__)": parentheses around the sum
                    return;
                }
            }
            int base = tdepth[a];
            boolean topComma = false;
            for (int i = a; i < b; i++) {
                if (tdepth[i] == base && isOp(i, ',')) {
                    topComma = true;
                    break;
                }
            }
            if (topComma) {
                elements(a, b, base);
                return;
            }
            int s = a;
            for (int i = a; i <= b; i++) {
                if (i == b || (tdepth[i] == base && isOp(i, '+'))) {
                    int x = s;
                    int y = i;
                    if (y - x >= 2 && (isOp(x, '[') || isOp(x, '(')) && matching(x, y) == y - 1) {
                        boolean tuple = isOp(x, '[');
                        for (int k = x + 1; k < y - 1 && !tuple; k++) {
                            tuple = tdepth[k] == base + 1 && isOp(k, ',');
                        }
                        if (tuple || y - x == 2) {
                            elements(x + 1, y - 1, base + 1);
                        }
                    }
                    s = i + 1;
                }
            }
        }

        private void elements(int a, int b, int depth) {
            int s = a;
            for (int i = a; i <= b; i++) {
                if (i == b || (tdepth[i] == depth && isOp(i, ','))) {
                    exportElement(s, i);
                    s = i + 1;
                }
            }
        }

        /** One element [a, b): one or more adjacent plain string literals (implicitly joined). */
        private void exportElement(int a, int b) {
            if (a >= b) {
                return;
            }
            StringBuilder sb = new StringBuilder();
            for (int i = a; i < b; i++) {
                String v = kind[i] == STRING ? stringValue(text(i)) : null;
                if (v == null) {
                    return;
                }
                sb.append(v);
            }
            exports.add(new PyExport(tline[a], sb.toString()));
        }

        private String qualify(String name) {
            if (stack.isEmpty()) {
                return name;
            }
            StringBuilder sb = new StringBuilder();
            for (Scope s : stack) {
                sb.append(s.name()).append('.');
            }
            return sb.append(name).toString();
        }

        /** Index of the first top-level (depth 0) single-character operator {@code c} in [a, b), or -1. */
        private int findTop(int a, int b, char c) {
            for (int i = a; i < b; i++) {
                if (tdepth[i] == 0 && isOp(i, c)) {
                    return i;
                }
            }
            return -1;
        }

        /** Index of the bracket closing the one at {@code open}, or {@code b} if it is not closed before {@code b}. */
        private int matching(int open, int b) {
            for (int i = open + 1; i < b; i++) {
                if (tdepth[i] == tdepth[open] && kind[i] == OP && end[i] - start[i] == 1) {
                    char c = src.charAt(start[i]);
                    if (c == ')' || c == ']' || c == '}') {
                        return i;
                    }
                }
            }
            return b;
        }

        private String text(int i) {
            return src.substring(start[i], end[i]);
        }

        private boolean isName(int i, String s) {
            return i < ntok && kind[i] == NAME && is(start[i], end[i], s);
        }

        private boolean isOp(int i, char c) {
            return i < ntok && kind[i] == OP && end[i] - start[i] == 1 && src.charAt(start[i]) == c;
        }

        private boolean isOp(int i, String s) {
            return i < ntok && kind[i] == OP && is(start[i], end[i], s);
        }

        private boolean is(int s, int e, String word) {
            return e - s == word.length() && src.startsWith(word, s);
        }

        private String stripTrailing(int s, int e) {
            while (e > s && Character.isWhitespace(src.charAt(e - 1))) {
                e--;
            }
            return src.substring(s, e);
        }
    }

    /**
     * The value of a plain string literal token ({@code 'x'}, {@code "x"}, {@code r'x'}, {@code u"x"}, triple-quoted),
     * or {@code null} for bytes, f-strings and t-strings. Backslash escapes of quotes, backslashes and common
     * control characters are decoded in non-raw strings.
     */
    static String stringValue(String token) {
        int p = 0;
        boolean raw = false;
        while (p < token.length() && Character.isLetter(token.charAt(p))) {
            char c = Character.toLowerCase(token.charAt(p));
            if (c == 'b' || c == 'f' || c == 't') {
                return null;
            }
            raw |= c == 'r';
            p++;
        }
        if (p >= token.length()) {
            return null;
        }
        char q = token.charAt(p);
        int open = token.startsWith(String.valueOf(q).repeat(3), p) && token.length() - p >= 6 ? 3 : 1;
        int end = token.length() - open;
        if (end < p + open || !token.startsWith(String.valueOf(q).repeat(open), end)) {
            return null; // unterminated
        }
        String body = token.substring(p + open, end);
        if (raw || body.indexOf('\\') < 0) {
            return body;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c != '\\' || i + 1 >= body.length()) {
                sb.append(c);
                continue;
            }
            char d = body.charAt(++i);
            switch (d) {
                case 'n' -> sb.append('\n');
                case 't' -> sb.append('\t');
                case 'r' -> sb.append('\r');
                case '\\', '\'', '"' -> sb.append(d);
                case '\n' -> {
                }
                default -> sb.append('\\').append(d);
            }
        }
        return sb.toString();
    }

    private static boolean isIdStart(char c) {
        if (c < 128) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
        }
        return Character.isUnicodeIdentifierStart(c);
    }

    private static boolean isIdPart(char c) {
        if (c < 128) {
            return isAsciiAlnum(c) || c == '_';
        }
        return Character.isUnicodeIdentifierPart(c) && !Character.isIdentifierIgnorable(c);
    }

    private static boolean isAsciiAlnum(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
