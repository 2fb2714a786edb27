package dev.ferret.agent.python;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The console and GUI scripts a project declares in its packaging metadata: the commands {@code pip install} puts
 * on the path. Three sources are read, each by a small reader of its own (no TOML or INI library, no Python run):
 *
 * <ul>
 *   <li>{@code pyproject.toml}: the tables {@code [project.scripts]}, {@code [project.gui-scripts]} and
 *       {@code [tool.poetry.scripts]}, each opened by its own header line. Inside them only lines
 *       {@code name = "module.path:function"} are read: the key bare ({@code A-Za-z0-9_-}) or quoted (basic or
 *       literal string), the value a one-line basic string (escapes decoded) or literal string, then nothing but
 *       a comment. Everything else there is skipped: inline tables (poetry's {@code {reference = ...}}), arrays,
 *       multi-line strings (followed to their end, so their lines are never read as keys or headers), numbers,
 *       dotted keys, malformed lines. A scripts table written inline ({@code scripts = {...}} under
 *       {@code [project]}) or through dotted keys ({@code scripts.tool = "..."}) is not read.</li>
 *   <li>{@code setup.cfg}: the section {@code [options.entry_points]}, keys {@code console_scripts} and
 *       {@code gui_scripts} (either case; {@code =} or {@code :} after the key), whose value holds one
 *       {@code name = module:function} per line: the first may stand on the key's line, the others on continuation
 *       lines indented deeper than the key. Comment lines ({@code #} or {@code ;}) and blank lines inside the value
 *       are passed over, as {@code configparser} does.</li>
 *   <li>{@code setup.py} ({@link SetupPyScripts}, a tokenizer that knows Python's string literals, comments and
 *       brackets): every dict display ({@code {...}}, anywhere in the file, at any nesting) with a key that is the
 *       string literal {@code "console_scripts"} or {@code "gui_scripts"} whose value is a list or tuple display:
 *       each element that is a string literal is one script {@code "name = target"} (split at the first {@code =},
 *       both sides stripped and non-empty; otherwise skipped), at the line where the string starts. Implicitly
 *       concatenated literals are one string; redundant parentheses are looked through. This covers
 *       {@code setup(entry_points={"console_scripts": [...]})} and {@code ENTRY_POINTS = {"console_scripts": [...]}}
 *       passed by name. Not read: a value that is a name or any other expression ({@code ENTRY_POINTS["x"]},
 *       {@code [...] + extra}), a list comprehension, an element that is an f-string (or holds one), a bytes literal or
 *       any other expression, {@code dict(console_scripts=[...])} calls, and the INI-string form
 *       {@code entry_points="""[console_scripts] ..."""}. The file is not run, so a dict display in code that never
 *       runs counts too.</li>
 * </ul>
 *
 * A script's line is the line that declares it.
 */
final class PackagingScripts {
    private PackagingScripts() {
    }

    /**
     * One declared script.
     *
     * @param line   1-based line of the declaration
     * @param name   the command's name
     * @param target what it runs, as written ({@code mypkg.cli:main}, perhaps with {@code [extras]})
     * @param gui    true for a GUI script
     */
    record Script(int line, String name, String target, boolean gui) {
        /** The module part of the target ({@code mypkg.cli}), or the whole target when it has no colon. */
        String module() {
            String t = bare();
            int colon = t.indexOf(':');
            return (colon < 0 ? t : t.substring(0, colon)).strip();
        }

        /** The object part after the colon ({@code main}, {@code App.run}), or empty. */
        String object() {
            String t = bare();
            int colon = t.indexOf(':');
            return colon < 0 ? "" : t.substring(colon + 1).strip();
        }

        private String bare() {
            int bracket = target.indexOf('[');
            return bracket < 0 ? target : target.substring(0, bracket);
        }
    }

    /** True for the file names whose scripts are read. */
    static boolean isMetadata(String fileName) {
        return fileName.equals("pyproject.toml") || fileName.equals("setup.cfg") || fileName.equals("setup.py");
    }

    /** The scripts of a metadata file, by its name ({@link #isMetadata}); empty for other names. */
    static List<Script> read(String fileName, List<String> lines) {
        return switch (fileName) {
            case "pyproject.toml" -> pyproject(lines);
            case "setup.cfg" -> setupCfg(lines);
            case "setup.py" -> SetupPyScripts.read(lines);
            default -> List.of();
        };
    }

    // ---------------------------------------------------------------- pyproject.toml

    private static final List<String> PROJECT_SCRIPTS = List.of("project", "scripts");
    private static final List<String> PROJECT_GUI_SCRIPTS = List.of("project", "gui-scripts");
    private static final List<String> POETRY_SCRIPTS = List.of("tool", "poetry", "scripts");

    /** The scripts of a {@code pyproject.toml}'s lines. */
    static List<Script> pyproject(List<String> lines) {
        List<Script> out = new ArrayList<>();
        List<String> table = null; // null: not a table whose keys are read (or an unreadable header)
        for (int i = 0; i < lines.size(); i++) {
            Cursor c = new Cursor(lines.get(i));
            c.spaces();
            if (c.end() || c.peek() == '#') {
                continue;
            }
            if (c.peek() == '[') {
                table = c.startsWith("[[") ? null : header(c);
                continue;
            }
            List<String> key = key(c);
            if (key == null) {
                continue;
            }
            c.spaces();
            if (!c.eat('=')) {
                continue;
            }
            c.spaces();
            if (c.startsWith("\"\"\"") || c.startsWith("'''") || c.peek() == '[' || c.peek() == '{') {
                i = skipValue(lines, i, c.pos); // not read; followed to its end
                continue;
            }
            String value = c.peek() == '"' ? basic(c) : c.peek() == '\'' ? literal(c) : null;
            if (value == null || !c.restIsComment() || table == null || key.size() != 1) {
                continue;
            }
            boolean gui = table.equals(PROJECT_GUI_SCRIPTS);
            if (gui || table.equals(PROJECT_SCRIPTS) || table.equals(POETRY_SCRIPTS)) {
                out.add(new Script(i + 1, key.getFirst(), value, gui));
            }
        }
        return out;
    }

    /** A table header {@code [a.b."c"]} with an optional comment after it, as its keys; null when malformed. */
    private static List<String> header(Cursor c) {
        c.eat('[');
        c.spaces();
        List<String> key = key(c);
        c.spaces();
        return key != null && c.eat(']') && c.restIsComment() ? key : null;
    }

    /** A key, bare or quoted, dotted or not, as its parts; null when there is none at the cursor. */
    private static List<String> key(Cursor c) {
        List<String> parts = new ArrayList<>();
        while (true) {
            String part;
            if (c.peek() == '"') {
                part = basic(c);
            } else if (c.peek() == '\'') {
                part = literal(c);
            } else {
                int start = c.pos;
                while (!c.end() && isBare(c.peek())) {
                    c.pos++;
                }
                part = c.pos > start ? c.s.substring(start, c.pos) : null;
            }
            if (part == null) {
                return null;
            }
            parts.add(part);
            int mark = c.pos;
            c.spaces();
            if (!c.eat('.')) {
                c.pos = mark;
                return parts;
            }
            c.spaces();
        }
    }

    private static boolean isBare(char ch) {
        return ch >= 'A' && ch <= 'Z' || ch >= 'a' && ch <= 'z' || ch >= '0' && ch <= '9' || ch == '_' || ch == '-';
    }

    /** A one-line basic string at the cursor, escapes decoded; null when malformed or not closed on the line. */
    private static String basic(Cursor c) {
        c.eat('"');
        StringBuilder sb = new StringBuilder();
        while (!c.end()) {
            char ch = c.s.charAt(c.pos++);
            if (ch == '"') {
                return sb.toString();
            }
            if (ch != '\\') {
                sb.append(ch);
                continue;
            }
            if (c.end()) {
                return null;
            }
            char e = c.s.charAt(c.pos++);
            switch (e) {
                case '"' -> sb.append('"');
                case '\\' -> sb.append('\\');
                case 'b' -> sb.append('\b');
                case 't' -> sb.append('\t');
                case 'n' -> sb.append('\n');
                case 'f' -> sb.append('\f');
                case 'r' -> sb.append('\r');
                case 'u', 'U' -> {
                    int n = e == 'u' ? 4 : 8;
                    if (c.pos + n > c.s.length()) {
                        return null;
                    }
                    try {
                        int cp = Integer.parseInt(c.s.substring(c.pos, c.pos + n), 16);
                        if (!Character.isValidCodePoint(cp)) {
                            return null;
                        }
                        sb.appendCodePoint(cp);
                    } catch (NumberFormatException x) {
                        return null;
                    }
                    c.pos += n;
                }
                default -> {
                    return null;
                }
            }
        }
        return null;
    }

    /** A one-line literal string at the cursor; null when not closed on the line. */
    private static String literal(Cursor c) {
        c.eat('\'');
        int close = c.s.indexOf('\'', c.pos);
        if (close < 0) {
            return null;
        }
        String v = c.s.substring(c.pos, close);
        c.pos = close + 1;
        return v;
    }

    /**
     * Follows a value that is not read (array, inline table, multi-line string), starting at column {@code col} of
     * line {@code i}, to its end: strings (multi-line ones too) and comments are passed over, brackets and braces
     * counted. Returns the index of the line where it ends (the last line when it never does).
     */
    private static int skipValue(List<String> lines, int i, int col) {
        int depth = 0;
        String quote = null; // the open string's delimiter
        for (int ln = i; ln < lines.size(); ln++) {
            String s = lines.get(ln);
            int p = ln == i ? col : 0;
            if (quote != null && quote.length() == 1) {
                return ln - 1; // a one-line string left open: malformed, stop at its line
            }
            while (p < s.length()) {
                if (quote != null) {
                    if (quote.charAt(0) == '"' && s.charAt(p) == '\\') {
                        p += 2;
                    } else if (s.startsWith(quote, p)) {
                        p += quote.length();
                        while (quote.length() == 3 && p < s.length() && s.charAt(p) == quote.charAt(0)) {
                            p++; // up to two quotes may end the content right before the delimiter
                        }
                        quote = null;
                        if (depth == 0) {
                            return ln;
                        }
                    } else {
                        p++;
                    }
                    continue;
                }
                char ch = s.charAt(p);
                if (ch == '#') {
                    break;
                }
                if (ch == '"' || ch == '\'') {
                    quote = s.startsWith(String.valueOf(ch).repeat(3), p) ? String.valueOf(ch).repeat(3)
                            : String.valueOf(ch);
                    p += quote.length();
                    continue;
                }
                if (ch == '[' || ch == '{') {
                    depth++;
                } else if (ch == ']' || ch == '}') {
                    depth--;
                    if (depth <= 0) {
                        return ln;
                    }
                }
                p++;
            }
        }
        return lines.size() - 1;
    }

    /** A position in one line. */
    private static final class Cursor {
        final String s;
        int pos;

        Cursor(String s) {
            this.s = s;
        }

        boolean end() {
            return pos >= s.length();
        }

        char peek() {
            return end() ? '\0' : s.charAt(pos);
        }

        boolean startsWith(String t) {
            return s.startsWith(t, pos);
        }

        boolean eat(char ch) {
            if (peek() == ch && !end()) {
                pos++;
                return true;
            }
            return false;
        }

        void spaces() {
            while (!end() && (s.charAt(pos) == ' ' || s.charAt(pos) == '\t')) {
                pos++;
            }
        }

        /** True when only spaces and perhaps a comment remain. */
        boolean restIsComment() {
            spaces();
            return end() || peek() == '#';
        }
    }

    // ---------------------------------------------------------------- setup.cfg

    private static final String ENTRY_POINTS_SECTION = "options.entry_points";

    /** The scripts of a {@code setup.cfg}'s lines. */
    static List<Script> setupCfg(List<String> lines) {
        List<Script> out = new ArrayList<>();
        String section = null;
        String key = null; // the option being read, lower case; null before the first of a section
        int keyIndent = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#") || t.startsWith(";")) {
                continue;
            }
            int indent = indent(line);
            if (section != null && key != null && indent > keyIndent) {
                entry(out, section, key, t, i);
                continue;
            }
            if (t.startsWith("[")) {
                int close = t.lastIndexOf(']');
                section = close > 1 ? t.substring(1, close) : null;
                key = null;
                continue;
            }
            int eq = t.indexOf('=');
            int colon = t.indexOf(':');
            int d = eq < 0 ? colon : colon < 0 ? eq : Math.min(eq, colon);
            if (d < 0 || section == null) {
                key = null; // not an option line: what follows is not its value
                continue;
            }
            key = t.substring(0, d).strip().toLowerCase(Locale.ROOT);
            keyIndent = indent;
            String first = t.substring(d + 1).strip();
            if (!first.isEmpty()) {
                entry(out, section, key, first, i);
            }
        }
        return out;
    }

    private static void entry(List<Script> out, String section, String key, String text, int i) {
        if (!section.equals(ENTRY_POINTS_SECTION) || !(key.equals("console_scripts") || key.equals("gui_scripts"))) {
            return;
        }
        int eq = text.indexOf('=');
        if (eq < 0) {
            return;
        }
        String name = text.substring(0, eq).strip();
        String target = text.substring(eq + 1).strip();
        if (!name.isEmpty() && !target.isEmpty()) {
            out.add(new Script(i + 1, name, target, key.equals("gui_scripts")));
        }
    }

    private static int indent(String line) {
        int n = 0;
        while (n < line.length() && Character.isWhitespace(line.charAt(n))) {
            n++;
        }
        return n;
    }
}
