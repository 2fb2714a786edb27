package dev.ferret.agent.python;

import java.util.Comparator;

/**
 * One result of a Python tool.
 *
 * @param file path relative to the repository root, '/' separators
 * @param line 1-based line
 * @param name the qualified name of the class or function, the module imported, the comment tag, the enclosing
 *             function of a raise or call, the exported or constant name
 * @param text what the tool prints after {@code file:line: } (class header, def, import statement, comment)
 * @param note where a name was resolved through ({@code Protocol via shop/compat.py}), or empty
 */
public record Hit(String file, int line, String name, String text, String note) {
    /** File, then line, then name. */
    public static final Comparator<Hit> ORDER = Comparator.comparing(Hit::file).thenComparingInt(Hit::line)
            .thenComparing(Hit::name);

    public Hit {
        note = note == null ? "" : note;
    }

    /** A hit without a note. */
    public Hit(String file, int line, String name, String text) {
        this(file, line, name, text, "");
    }

    /** The tool's output line: {@code pkg/mod.py:12: class Foo(Protocol)}, then {@code  [note]} when there is one. */
    public String render() {
        return file + ":" + line + ": " + text + (note.isEmpty() ? "" : "  [" + note + "]");
    }
}
